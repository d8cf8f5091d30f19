package dev.retort.architecture

import spock.lang.Specification

import java.nio.file.Path
import java.nio.file.Paths

/**
 * The layering of docs/architecture.md, held on the real source tree; ArchitectureRulesSpec shows that each rule
 * catches a violation, so a green run here means something.
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

    def "SQL text is written only in the dialect"() {
        expect:
        ArchitectureRules.sqlOutsideDialect(RUNTIME.resolve('src/main/java')) == []
    }

    def "no public or protected member of a public type in dev.retort or dev.retort.spi mentions an internal type"() {
        given:
        def types = ArchitectureRules.classesIn(RUNTIME.resolve('target/classes'), ['dev/retort', 'dev/retort/spi'],
                getClass().classLoader)

        expect: 'the whole public API is read, not a hand-picked list'
        types.size() > 40
        ArchitectureRules.publicApiLeaks(types) == []
    }

    def "every script language imports only dev.retort and dev.retort.spi from Retort"() {
        expect:
        ROOT.resolve("${module}/src/main").toFile().isDirectory()
        ArchitectureRules.languageImports(ROOT.resolve("${module}/src/main"), pkg) == []

        where:
        module   | pkg
        'dsl'    | 'dev.retort.dsl'
        'kotlin' | 'dev.retort.kotlin'
        'sql'    | 'dev.retort.sql'
    }

    def "no main source file in any module is over 400 lines"() {
        given:
        def roots = []
        ROOT.toFile().eachDirRecurse { File d ->
            if (d.path.endsWith('/src/main') && !d.path.contains('/target/') && !d.path.contains('/node_modules/')) {
                roots << d.toPath()
            }
        }

        expect:
        roots.size() >= 8
        ArchitectureRules.oversizedFiles(roots) == []
    }
}
