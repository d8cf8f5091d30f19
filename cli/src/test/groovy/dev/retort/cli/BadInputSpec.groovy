package dev.retort.cli

import spock.lang.Unroll

/** Each bad input: one clear line, the SPEC exit code, and the database as it was. */
class BadInputSpec extends CliSpecification {

    static final String GOOD = """
        revision 'good01'
        upgrade { createTable('first_table') { column 'id', 'bigint', primaryKey: true } }
        downgrade { dropTable 'first_table' }
        """

    @Unroll
    def "#problem is rejected with exit #exit and a message naming #fragment, and the database is untouched"() {
        given:
        script('001_good.groovy', GOOD)
        files.each { name, text -> script(name, text) }

        when:
        def r = run(args as String[])

        then:
        r.exit == exit
        def first = r.err.readLines().find { it.startsWith('error:') }
        first != null
        fragments(fragment).every { first.contains(it) }
        !r.err.contains('\tat ')              // no stack trace without -v
        tables().isEmpty()
        versions().isEmpty()

        where:
        problem                   | files                                                                                                         | args        || exit | fragment
        'a Groovy syntax error'   | ['002_syntax.groovy': "revision 'syn1'\nrevises 'good01'\n\nupgrade {\n    createTable('x') {\n}\n"]             | ['upgrade'] || 3    | '002_syntax.groovy:'
        'a missing revision'      | ['002_norev.groovy': "message 'no id'\nupgrade { sql 'SELECT 1' }\n"]                                        | ['upgrade'] || 3    | "002_norev.groovy:1|no 'revision'"
        'a non-literal header'    | ['002_nonlit.groovy': "revision 'nl1'\nrevises someVariable\nupgrade { sql 'SELECT 1' }\n"]                  | ['upgrade'] || 3    | '002_nonlit.groovy:2|literal'
        'a GString header'        | ['002_gstr.groovy': 'revision "id${1 + 1}"\nupgrade { sql \'SELECT 1\' }\n']                                  | ['upgrade'] || 3    | '002_gstr.groovy:1'
        'a duplicate revision id' | ['002_dup.groovy': GOOD]                                                                                      | ['upgrade'] || 3    | "001_good.groovy|002_dup.groovy|good01"
        'an unknown revises'      | ['002_unk.groovy': "revision 'u1'\nrevises 'nope99'\nupgrade { sql 'SELECT 1' }\n"]                          | ['upgrade'] || 3    | "002_unk.groovy|nope99"
        'a cycle'                 | ['002_c1.groovy': "revision 'c1'\nrevises 'c2'\nupgrade { sql 'SELECT 1' }\n",
                                     '003_c2.groovy': "revision 'c2'\nrevises 'c1'\nupgrade { sql 'SELECT 1' }\n"]                            | ['upgrade'] || 3    | 'cycle|c1|c2'
        'two heads for head'      | ['002_h1.groovy': "revision 'h1'\nrevises 'good01'\nupgrade { sql 'SELECT 1' }\n",
                                     '003_h2.groovy': "revision 'h2'\nrevises 'good01'\nupgrade { sql 'SELECT 1' }\n"]                        | ['upgrade'] || 3    | 'several heads|h1|h2|merge'
        'an unknown target'       | [:]                                                                                                           | ['upgrade', 'zzzz99'] || 3 | "no revision 'zzzz99'"
        'an unknown operation'    | ['002_op.groovy': "revision 'op1'\nrevises 'good01'\nupgrade {\n    createTabel('x') { }\n}\n"]               | ['upgrade'] || 3    | "002_op.groovy:4|createTabel"
        'an unknown option'       | ['002_opt.groovy': "revision 'opt1'\nrevises 'good01'\nupgrade {\n    createIndex 'i', on: 't', colums: ['a']\n}\n"] | ['upgrade'] || 3 | "002_opt.groovy:4|colums"
        'an identifier with SQL'  | ['002_inj.groovy': "revision 'inj1'\nrevises 'good01'\nupgrade {\n    dropTable 'x; DROP TABLE y'\n}\n"]    | ['upgrade'] || 3    | "002_inj.groovy:4|not a plain identifier"
        'a bad revision id'       | ['002_id.groovy': "revision 'has-dash'\nupgrade { sql 'SELECT 1' }\n"]                                       | ['upgrade'] || 3    | "002_id.groovy:1|has-dash"
        'a range without --sql'   | [:]                                                                                                           | ['upgrade', 'a:b'] || 2 | 'needs --sql'
        'an unknown command'      | [:]                                                                                                           | ['upgrad'] || 2 | 'upgrad'
        'an unknown option flag'  | [:]                                                                                                           | ['upgrade', '--fast'] || 2 | '--fast'
    }

    private static List<String> fragments(String f) {
        f ? f.split(/\|/) as List : []
    }

    def "a script with no downgrade block cannot be downgraded: it stops before touching the database"() {
        given:
        script('001_up.groovy', "revision 'up1'\nupgrade { createTable('only_up') { column 'id', 'int' } }\n")
        run('upgrade')

        when:
        def r = run('downgrade', 'base')

        then:
        r.exit == 3
        r.err.contains('up1')
        r.err.contains('no downgrade block')
        tables().contains('only_up')
        versions() == ['up1']
    }

    def "an irreversible operation inside change fails when the script loads, naming file and line"() {
        given:
        script('001_ch.groovy', "revision 'ch1'\nchange {\n    createTable('a') { column 'id', 'int' }\n    dropColumn 'a', 'id'\n}\n")

        when:
        def r = run('upgrade')

        then:
        r.exit == 3
        r.err.contains('001_ch.groovy:4')
        r.err.contains('dropColumn')
        tables().isEmpty()
    }

    def "an unreachable server is exit 4 with one line naming host and port"() {
        given:
        script('001_good.groovy', GOOD)
        env.RETORT_URL = 'postgresql://app:topsecret@127.0.0.1:1/appdb'

        when:
        def r = run('upgrade')

        then:
        r.exit == 4
        r.err.readLines()[0].startsWith('error: cannot connect to app@127.0.0.1:1/appdb')
        !r.all.contains('topsecret')
    }

    def "a wrong password is exit 4 and the password appears nowhere, even with -v"() {
        given:
        script('001_good.groovy', GOOD)
        db.withSql { it.execute("CREATE ROLE app_user LOGIN PASSWORD 'right-one'") }
        env.RETORT_URL = "postgresql://app_user:Wr0ngPassw0rd@${dev.retort.spock.TestDatabase.serverHostPort()}/${db.name}".toString()

        when:
        def r = run(args as String[])

        then:
        r.exit == 4
        r.err.contains('authentication failed')
        !r.all.contains('Wr0ngPassw0rd')
        tables().isEmpty()

        cleanup:
        db.withSql { it.execute('DROP ROLE IF EXISTS app_user') }

        where:
        args << [['upgrade'], ['-v', 'upgrade'], ['current', '-v']]
    }

    def "a database stamped with a revision no script defines is exit 3 and says what to do"() {
        given:
        script('001_good.groovy', GOOD)
        run('upgrade')
        db.withSql { it.execute("UPDATE retort_version SET version_num = 'deleted0001'") }

        when:
        def r = run('current')

        then:
        r.exit == 3
        r.err.contains('the database is at deleted0001, which no script defines')
        r.err.contains('stamp')
    }

    def "an unknown key in retort.properties is exit 2 naming the key"() {
        given:
        script('001_good.groovy', GOOD)
        java.nio.file.Files.writeString(project.resolve('retort.properties'), 'urll=postgresql://x/y\n')

        when:
        def r = run('heads')

        then:
        r.exit == 2
        r.err.contains("unknown setting 'urll'")
    }

    def "a URL that is not a PostgreSQL URL is exit 2, and its password is masked"() {
        given:
        script('001_good.groovy', GOOD)
        env.RETORT_URL = 'mysql://root:hunter22@localhost/db'

        when:
        def r = run('upgrade')

        then:
        r.exit == 2
        r.err.contains('is not a PostgreSQL URL')
        !r.all.contains('hunter22')
    }
}
