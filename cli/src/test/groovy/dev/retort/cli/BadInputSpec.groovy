package dev.retort.cli

import spock.lang.Unroll

/** Each bad input: one clear line, the exit code README.md lists, and the database as it was. */
class BadInputSpec extends CliSpecification {

    static final String GOOD = """
        revision 'good01'
        upgrade { createTable('first_table') { column 'id', 'bigint', primaryKey: true } }
        downgrade { dropTable 'first_table' }
        """

    static Map c(Map m) { m }

    @Unroll
    def "bad input: #c.problem is exit #c.exit with one line naming '#c.message', and the database is as it was"() {
        given:
        script('001_good.groovy', GOOD)
        (c.files ?: [:]).each { name, text -> script(name, text) }
        if (c.props) {
            java.nio.file.Files.writeString(project.resolve('retort.properties'), c.props)
        }
        (c.env ?: [:]).each { k, v -> env[k] = v }
        if (c.db) {
            run('upgrade', 'good01')
            db.withSql { it.execute(c.db) }
        }
        def before = state()

        when:
        def r = run(c.args as String[])

        then:
        r.exit == c.exit
        def first = r.err.readLines().find { it.startsWith('error:') }
        first != null
        fragments(c.message).every { first.contains(it) }
        !r.err.contains('\tat ')              // no stack trace without -v
        state() == before

        where:
        c << [
            // scripts and headers
            c(problem: 'a Groovy syntax error', files: ['002_syntax.groovy': "revision 'syn1'\nrevises 'good01'\n\nupgrade {\n    createTable('x') {\n}\n"], args: ['upgrade'], exit: 3, message: '002_syntax.groovy:'),
            c(problem: 'a missing revision', files: ['002_norev.groovy': "message 'no id'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "002_norev.groovy:1|no 'revision'"),
            c(problem: 'a non-literal header', files: ['002_nonlit.groovy': "revision 'nl1'\nrevises someVariable\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: '002_nonlit.groovy:2|literal'),
            c(problem: 'a GString header', files: ['002_gstr.groovy': 'revision "id${1 + 1}"\nupgrade { sql \'SELECT 1\' }\n'], args: ['upgrade'], exit: 3, message: '002_gstr.groovy:1'),
            c(problem: 'a header given twice', files: ['002_twice.groovy': "revision 'tw1'\nmessage 'a'\nmessage 'b'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "002_twice.groovy:3|given twice"),
            c(problem: 'an unknown transaction mode', files: ['002_tx.groovy': "revision 'tx1'\ntransaction 'maybe'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "002_tx.groovy:2|maybe"),
            c(problem: 'a bad lockTimeout header', files: ['002_lt.groovy': "revision 'lt1'\nlockTimeout 'soon'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "002_lt.groovy:2|not a duration"),
            c(problem: 'a revision that revises itself', files: ['002_self.groovy': "revision 'self1'\nrevises 'self1'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "revises itself"),
            c(problem: 'a duplicate revision id', files: ['002_dup.groovy': GOOD], args: ['upgrade'], exit: 3, message: "001_good.groovy|002_dup.groovy|good01"),
            c(problem: 'an unknown revises', files: ['002_unk.groovy': "revision 'u1'\nrevises 'nope99'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "002_unk.groovy|nope99"),
            c(problem: 'a cycle', files: ['002_c1.groovy': "revision 'c1'\nrevises 'c2'\nupgrade { sql 'SELECT 1' }\n", '003_c2.groovy': "revision 'c2'\nrevises 'c1'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: 'cycle|c1|c2'),
            c(problem: 'two heads where one is needed', files: ['002_h1.groovy': "revision 'h1'\nrevises 'good01'\nupgrade { sql 'SELECT 1' }\n", '003_h2.groovy': "revision 'h2'\nrevises 'good01'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: 'several heads|h1|h2|merge'),
            c(problem: 'a bad revision id', files: ['002_id.groovy': "revision 'has-dash'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "002_id.groovy:1|has-dash"),
            c(problem: 'change and upgrade in one script', files: ['002_both.groovy': "revision 'b1'\nrevises 'good01'\nupgrade { sql 'SELECT 1' }\nchange { sql 'SELECT 1', down: 'SELECT 2' }\n"], args: ['upgrade'], exit: 3, message: "002_both.groovy|either change"),
            c(problem: 'no upgrade block', files: ['002_noup.groovy': "revision 'nu1'\nrevises 'good01'\ndowngrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "002_noup.groovy|no upgrade"),
            c(problem: 'an irreversible step in change', files: ['002_irr.groovy': "revision 'ir1'\nrevises 'good01'\nchange {\n    dropTable 'first_table'\n}\n"], args: ['upgrade'], exit: 3, message: "002_irr.groovy:4|cannot be reversed"),
            c(problem: 'code that fails while the script loads', files: ['002_load.groovy': "revision 'ld1'\nrevises 'good01'\nthrow new IllegalStateException('boom')\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "002_load.groovy:3|boom"),
            // operations
            c(problem: 'an unknown operation', files: ['002_op.groovy': "revision 'op1'\nrevises 'good01'\nupgrade {\n    createTabel('x') { }\n}\n"], args: ['upgrade'], exit: 3, message: "002_op.groovy:4|createTabel"),
            c(problem: 'an unknown option', files: ['002_opt.groovy': "revision 'opt1'\nrevises 'good01'\nupgrade {\n    createIndex 'i', on: 't', colums: ['a']\n}\n"], args: ['upgrade'], exit: 3, message: "002_opt.groovy:4|colums"),
            c(problem: 'a missing option', files: ['002_on.groovy': "revision 'on1'\nrevises 'good01'\nupgrade {\n    createIndex 'i', columns: ['a']\n}\n"], args: ['upgrade'], exit: 3, message: "002_on.groovy:4|missing option 'on:'"),
            c(problem: 'columns and expression together', files: ['002_ce.groovy': "revision 'ce1'\nrevises 'good01'\nupgrade {\n    createIndex 'i', on: 't', columns: ['a'], expression: 'lower(a)'\n}\n"], args: ['upgrade'], exit: 3, message: "002_ce.groovy:4|either columns"),
            c(problem: 'an identifier carrying SQL', files: ['002_inj.groovy': "revision 'inj1'\nrevises 'good01'\nupgrade {\n    dropTable 'x; DROP TABLE y'\n}\n"], args: ['upgrade'], exit: 3, message: "002_inj.groovy:4|not a plain identifier"),
            c(problem: 'a type carrying SQL', files: ['002_type.groovy': "revision 'ty1'\nrevises 'good01'\nupgrade {\n    addColumn 'first_table', 'x', 'int; DROP TABLE y'\n}\n"], args: ['upgrade'], exit: 3, message: "002_type.groovy:4|not a PostgreSQL type"),
            c(problem: 'default and defaultSql together', files: ['002_def.groovy': "revision 'df1'\nrevises 'good01'\nupgrade {\n    addColumn 'first_table', 'x', 'int', default: 1, defaultSql: '2'\n}\n"], args: ['upgrade'], exit: 3, message: "002_def.groovy:4|keep one"),
            c(problem: 'an unknown onDelete action', files: ['002_fk.groovy': "revision 'fk1'\nrevises 'good01'\nupgrade {\n    addColumn 'first_table', 'x', 'bigint', references: 'first_table.id', onDelete: 'explode'\n}\n"], args: ['upgrade'], exit: 3, message: "002_fk.groovy:4|explode"),
            c(problem: 'bulkInsert rows of different shapes', files: ['002_bi.groovy': "revision 'bi1'\nrevises 'good01'\nupgrade {\n    bulkInsert 'first_table', [[id: 1], [id: 2, x: 3]]\n}\n"], args: ['upgrade'], exit: 3, message: "002_bi.groovy:4|same columns"),
            c(problem: 'a backfill batch size of 0', files: ['002_bf.groovy': "revision 'bf1'\nrevises 'good01'\nupgrade {\n    backfill 'first_table', set: 'id = id', batchSize: 0\n}\n"], args: ['upgrade'], exit: 3, message: "002_bf.groovy:4|batchSize"),
            c(problem: 'a bad interval', files: ['002_iv.groovy': "revision 'iv1'\nrevises 'good01'\nupgrade {\n    addRetentionPolicy 'm', dropAfter: \"1 day'; DROP TABLE x; --\"\n}\n"], args: ['upgrade'], exit: 3, message: "002_iv.groovy:4|not an interval"),
            // configuration
            c(problem: 'an unknown key in retort.properties', props: 'urll=postgresql://x/y\n', args: ['upgrade'], exit: 2, message: "unknown setting 'urll'"),
            c(problem: 'a bad lockTimeout value', props: 'lockTimeout=soon\n', args: ['upgrade'], exit: 2, message: 'lockTimeout|soon'),
            c(problem: 'a bad boolean', props: 'validateChecksums=perhaps\n', args: ['upgrade'], exit: 2, message: 'validateChecksums'),
            c(problem: 'a bad lockRetries value', props: 'lockRetries=many\n', args: ['upgrade'], exit: 2, message: 'lockRetries'),
            c(problem: 'a schema that is not a name', props: 'schema=my schema\n', args: ['upgrade'], exit: 2, message: 'schema'),
            c(problem: 'a URL that is not PostgreSQL', env: [RETORT_URL: 'mysql://root:hunter22@localhost/db'], args: ['upgrade'], exit: 2, message: 'not a PostgreSQL URL'),
            c(problem: 'a URL with a bad port', env: [RETORT_URL: 'postgresql://u@localhost:port/db'], args: ['upgrade'], exit: 2, message: "port 'port'"),
            c(problem: 'a -c file that does not exist', args: ['-c', 'nope.properties', 'upgrade'], exit: 2, message: 'nope.properties|does not exist'),
            c(problem: 'a -d directory that does not exist', args: ['-d', 'nowhere', 'upgrade'], exit: 2, message: 'nowhere|does not exist'),
            // command line
            c(problem: 'an unknown command', args: ['upgrad'], exit: 2, message: 'upgrad'),
            c(problem: 'an unknown option flag', args: ['upgrade', '--fast'], exit: 2, message: '--fast'),
            c(problem: 'a range without --sql', args: ['upgrade', 'a:b'], exit: 2, message: 'needs --sql'),
            c(problem: 'downgrade --sql without a range', args: ['downgrade', '--sql', 'base'], exit: 2, message: 'FROM:TO'),
            c(problem: 'downgrade without a target', args: ['downgrade'], exit: 2, message: 'TARGET'),
            c(problem: 'revision without -m', args: ['revision'], exit: 2, message: '--message'),
            c(problem: 'an unknown graph format', args: ['graph', '--format', 'svg'], exit: 2, message: 'svg'),
            c(problem: 'upgrade -1', args: ['upgrade', '-1'], exit: 3, message: "goes down|downgrade -1"),
            c(problem: 'downgrade +1', args: ['downgrade', '+1'], exit: 3, message: "goes up"),
            c(problem: 'an unknown target', args: ['upgrade', 'zzzz99'], exit: 3, message: "no revision 'zzzz99'"),
            c(problem: 'a prefix under 4 characters', args: ['upgrade', 'goo'], exit: 3, message: "no revision 'goo'"),
            // database states
            c(problem: 'a version table naming an unknown revision', db: "UPDATE retort_version SET version_num = 'lost0001'", args: ['upgrade', 'heads'], exit: 3, message: 'lost0001|not in this checkout|update this checkout'),
            c(problem: 'a table in the way', files: ['002_way.groovy': "revision 'way1'\nrevises 'good01'\nupgrade { createTable('in_the_way') { column 'id', 'int' } }\n"], db: 'CREATE TABLE in_the_way (x int)', args: ['upgrade'], exit: 5, message: '002_way.groovy|in_the_way|already exists|rolled back'),
            c(problem: 'a missing extension', files: ['002_ext.groovy': "revision 'ext1'\nrevises 'good01'\nupgrade { createExtension 'no_such_extension' }\n"], db: 'SELECT 1', args: ['upgrade'], exit: 5, message: '002_ext.groovy|no_such_extension'),
            c(problem: 'an unreachable server', env: [RETORT_URL: 'postgresql://app:topsecret@127.0.0.1:1/appdb'], args: ['upgrade'], exit: 4, message: 'cannot connect to app@127.0.0.1:1/appdb'),
            c(problem: 'a database that does not exist', env: [RETORT_URL: "postgresql://postgres@${dev.retort.spock.TestDatabase.serverHostPort()}/no_such_db".toString()], args: ['upgrade'], exit: 4, message: 'no_such_db|does not exist'),
        ]
    }

    // the schema (Retort's own tables included), the version rows and the successful history rows
    // (a failed attempt is recorded on purpose: that row is the audit trail, not a change)
    def state() {
        [db.connect().withCloseable { dev.retort.SchemaSnapshot.take(it, []) }, versions(), history().count { it.success }]
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

        when: 'issue 15 item 14: upgrade refuses, and never advises stamp --purge'
        def r = run('upgrade')

        then:
        r.exit == 3
        r.err.contains('the database is at deleted0001, which is not in this checkout')
        r.err.contains('restore the script')
        !r.err.contains('--purge')
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
