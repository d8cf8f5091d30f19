package dev.retort.cli

class ReadingDataSpec extends CliSpecification {

    def "a script reads data with db and connection online, and sees its own earlier steps"() {
        given:
        script('r.groovy', """
            revision 'rd1'
            upgrade {
                createTable('flags') { column 'name', 'text', primaryKey: true; column 'on_', 'boolean' }
                bulkInsert 'flags', [[name: 'a', on_: true], [name: 'b', on_: false]]
                def on = db.rows('SELECT name FROM flags WHERE on_').collect { it.name }
                int n = connection.createStatement().executeQuery('SELECT count(*) FROM flags').with { it.next(); it.getInt(1) }
                createTable("seen_\${on.join('_')}_\${n}") { column 'id', 'int' }
            }
            downgrade { dropTable 'seen_a_2'; dropTable 'flags' }
            """)

        expect:
        run('upgrade').exit == 0
        tables().contains('seen_a_2')
    }

    def "with --sql, reading data is one clear error naming the file and line"() {
        given:
        script('r.groovy', """\
            revision 'rd1'
            upgrade {
                sql 'CREATE TABLE x (id int)'
                def n = db.firstRow('SELECT 1 AS n').n
            }
            """)
        env.RETORT_URL = 'postgresql://127.0.0.1:1/nowhere'

        when:
        def r = run('upgrade', '--sql')

        then:
        r.exit == 3
        r.err.readLines().size() == 1
        r.err.contains('r.groovy:4')
        r.err.contains('--sql mode does not have')
    }
}
