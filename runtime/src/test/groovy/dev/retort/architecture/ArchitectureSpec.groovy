package dev.retort.architecture

import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

/** The layering of docs/architecture.md, held on the real source tree (ArchitectureRulesSpec shows each rule can fail). */
class ArchitectureSpec extends Specification {
    static final Path RUNTIME = Paths.get('').toAbsolutePath()
    static final Path ROOT = RUNTIME.parent
    static final Path JAVA = RUNTIME.resolve('src/main/java')

    def "runtime has no Groovy"() {
        expect:
        ArchitectureRules.groovyInRuntime(RUNTIME.resolve('src/main')) == []
    }

    def "SQL text is written only in internal/dialect"() {
        expect:
        ArchitectureRules.sqlOutsideDialect(JAVA) == []
    }

    def "only the sink, the connection code, the history store and the catalog reader create JDBC statements"() {
        expect:
        ArchitectureRules.statementsOutsideHolders(JAVA) == []
    }

    def "internal code never uses Retort or RetortConfig"() {
        expect:
        ArchitectureRules.internalUsesFacade(JAVA) == []
    }

    def "no public or protected member of a public API or SPI type mentions an internal type"() {
        given:
        def types = ArchitectureRules.classesIn(RUNTIME.resolve('target/classes'), ['dev/retort', 'dev/retort/spi'],
                getClass().classLoader)

        expect:
        types.size() > 20
        ArchitectureRules.publicApiLeaks(types) == []
    }

    def "the #module script language imports only dev.retort and dev.retort.spi"() {
        expect:
        ArchitectureRules.languageImports(ROOT.resolve(module).resolve('src/main'), pkg) == []

        where:
        module   | pkg
        'dsl'    | 'dev.retort.dsl'
        'kotlin' | 'dev.retort.kotlin'
    }

    def "no main source file is longer than 400 lines"() {
        given:
        List<Path> roots = []
        ROOT.toFile().eachFileRecurse { File f ->
            if (f.directory && f.path.endsWith('/src/main') && !f.path.contains('/target/')) {
                roots << f.toPath()
            }
        }

        expect:
        roots.contains(JAVA.parent)
        ArchitectureRules.oversizedFiles(roots) == []
    }
}
