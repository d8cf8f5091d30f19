package dev.retort.architecture

import spock.lang.Specification

import java.nio.file.Path
import java.nio.file.Paths

/**
 * The layering of docs/architecture.md, held on the real source tree (ArchitectureRulesSpec shows each rule can fail).
 * The rules for SQL text, JDBC statements, internal use of the facade, public-API leaks and file size are written and
 * proven in ArchitectureRules/ArchitectureRulesSpec; they join this spec as the tree comes to meet them (issue 23).
 */
class ArchitectureSpec extends Specification {
    static final Path RUNTIME = Paths.get('').toAbsolutePath()
    static final Path ROOT = RUNTIME.parent

    def "runtime has no Groovy"() {
        expect:
        ArchitectureRules.groovyInRuntime(RUNTIME.resolve('src/main')) == []
    }

    def "the Groovy script language imports only dev.retort and dev.retort.spi"() {
        given:
        Path dsl = ROOT.resolve('dsl/src/main')

        expect:
        dsl.resolve('groovy/dev/retort/dsl/MigrationOperations.groovy').toFile().isFile()
        ArchitectureRules.languageImports(dsl, 'dev.retort.dsl') == []
    }

    def "only the sink, the connection code, the history store and the catalog reader create JDBC statements"() {
        expect:
        ArchitectureRules.statementsOutsideHolders(RUNTIME.resolve('src/main/java')) == []
    }

    def "internal code never uses Retort or RetortConfig: the facade hands it settings records"() {
        expect:
        ArchitectureRules.internalUsesFacade(RUNTIME.resolve('src/main/java')) == []
    }

    def "the configuration's public types mention no internal type"() {
        given:
        def types = [dev.retort.RetortConfig, dev.retort.RetortConfig.Builder, dev.retort.Setting, dev.retort.RetortSettings,
                     dev.retort.LintLevel, dev.retort.LintOnUpgrade, dev.retort.HistoryRow, dev.retort.Retort]

        expect:
        ArchitectureRules.publicApiLeaks(types) == []
    }
}
