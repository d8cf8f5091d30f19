package dev.retort.architecture

import dev.retort.archfixture.LeakyApi
import dev.retort.archfixture.TidyApi
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** Each rule ArchitectureSpec holds catches one planted violation, and lets the allowed form through. */
class ArchitectureRulesSpec extends Specification {
    @TempDir
    Path tree

    private Path write(String rel, String text) {
        Path f = tree.resolve(rel)
        Files.createDirectories(f.parent)
        Files.writeString(f, text)
        f
    }

    def "a Groovy source or a Groovy type in runtime is caught"() {
        given:
        write('main/java/dev/retort/A.java', 'package dev.retort;\nimport groovy.lang.Closure;\nclass A {}\n')
        write('main/groovy/dev/retort/B.groovy', 'class B {}\n')

        expect:
        ArchitectureRules.groovyInRuntime(tree.resolve('main')) ==
                ['groovy/dev/retort/B.groovy: a Groovy source in runtime', 'java/dev/retort/A.java:2: names a Groovy type']
    }

    def "#sql outside the dialect is #verdict"() {
        given:
        write('java/dev/retort/internal/exec/X.java', "class X { String s = \"${sql}\"; }\n")
        write('java/dev/retort/internal/dialect/D.java', 'class D { String s = "DROP TABLE users"; }\n')

        expect:
        (ArchitectureRules.sqlOutsideDialect(tree.resolve('java')).size() == 1) == caught

        where:
        sql                                               || caught
        'SELECT pid FROM pg_stat_activity WHERE datname = ?' || true
        'ALTER TABLE %s ADD COLUMN %s'                    || true
        'CREATE INDEX CONCURRENTLY IF NOT EXISTS %s'      || true
        'SET lock_timeout = %d'                           || true
        'INSERT INTO retort_history (revision) VALUES (?)' || true
        'COMMIT'                                          || true
        'TRUNCATE loses the rows of the table'            || false
        'DROP DATABASE in a migration loses every table'  || false
        'lock timeout: retry later'                       || false
        verdict = caught ? 'caught' : 'allowed'
    }

    def "a string that only contains // or a quote inside a comment does not confuse the reader"() {
        given:
        write('java/dev/retort/internal/exec/X.java',
                "class X {\n  String url = \"http://x\"; /* it's \"SELECT 1\" */\n  String s = \"DELETE FROM t\";\n}\n")

        expect:
        ArchitectureRules.sqlOutsideDialect(tree.resolve('java')) ==
                ['dev/retort/internal/exec/X.java:3: SQL text outside internal/dialect: DELETE FROM t']
    }

    def "a JDBC statement created outside the sink, db, history and catalog reader is caught"() {
        given:
        write('java/dev/retort/internal/exec/X.java', 'class X { void f(java.sql.Connection c) throws Exception {\n c.prepareStatement("x"); } }\n')
        write('java/dev/retort/internal/sink/S.java', 'class S { void f(java.sql.Connection c) throws Exception { c.createStatement(); } }\n')

        expect:
        ArchitectureRules.statementsOutsideHolders(tree.resolve('java')) ==
                ['dev/retort/internal/exec/X.java:2: creates a JDBC statement outside sink/db/history/CatalogReader']
    }

    def "internal code that uses #use is caught"() {
        given:
        write('java/dev/retort/internal/db/X.java', "package dev.retort.internal.db;\n${use}\nclass X {}\n")
        write('java/dev/retort/Facade.java', 'package dev.retort;\nimport dev.retort.RetortConfig;\nclass Facade {}\n')

        expect:
        ArchitectureRules.internalUsesFacade(tree.resolve('java')).size() == count

        where:
        use                                           || count
        'import dev.retort.RetortConfig;'             || 1
        'import dev.retort.Retort;'                   || 1
        'import dev.retort.*;\nclass Y { Retort r; }' || 1
        'import dev.retort.RetortException;'          || 0
    }

    def "a script language importing #ref is #verdict"() {
        given:
        write('main/groovy/dev/retort/dsl/X.groovy', "package dev.retort.dsl\nimport ${ref}\nclass X {}\n")

        expect:
        ArchitectureRules.languageImports(tree.resolve('main'), 'dev.retort.dsl').isEmpty() == !caught

        where:
        ref                                  || caught
        'dev.retort.internal.sink.JdbcSink'  || true
        'dev.retort.cli.Printer'             || true
        'dev.retort.spi.Operation'           || false
        'dev.retort.spi.*'                   || false
        'dev.retort.Revision'                || false
        'dev.retort.dsl.TableBuilder'        || false
        verdict = caught ? 'caught' : 'allowed'
    }

    def "a main source file over 400 lines is caught"() {
        given:
        write('main/java/Long.java', 'x\n' * 401)
        write('main/java/Short.java', 'x\n' * 400)

        expect:
        ArchitectureRules.oversizedFiles([tree.resolve('main')]) == ['java/Long.java: 401 lines (at most 400)']
    }

    def "a public API member that mentions an internal type is caught, a private one is not"() {
        expect:
        ArchitectureRules.publicApiLeaks([LeakyApi]) == ['dev.retort.archfixture.LeakyApi.plans() mentions internal dev.retort.internal.graph.Plan']
        ArchitectureRules.publicApiLeaks([TidyApi]) == []
    }
}
