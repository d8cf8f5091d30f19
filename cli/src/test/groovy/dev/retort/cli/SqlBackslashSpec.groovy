package dev.retort.cli

class SqlBackslashSpec extends CliSpecification {

    def "SQL with a backslash pasted into sql '''...''' fails to load pointing at the bad escape, not the opening quote"() {
        given:
        script('001_a.groovy', "revision 'a1'\nupgrade {\n    sql '''\n        SELECT 1;\n        SELECT E'\\d+' ~ 'x';\n    '''\n}\ndowngrade { sql 'SELECT 1' }\n")

        when:
        def r = run('upgrade')

        then:
        r.exit != 0
        r.err.contains("001_a.groovy:5: '\\d' (column 18) is not an escape Groovy knows, in the string opened at line 3")
        r.err.contains('write each backslash twice')
        versions() == []
    }

    def "a doubled backslash loads and sends one backslash"() {
        given:
        script('001_a.groovy', "revision 'a1'\nupgrade {\n    sql '''CREATE TABLE t AS SELECT E'a\\\\\\\\b' AS v'''\n}\ndowngrade { sql 'DROP TABLE t' }\n")

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        db.withSql { it.firstRow('SELECT v FROM t').v } == 'a\\b'
    }
}
