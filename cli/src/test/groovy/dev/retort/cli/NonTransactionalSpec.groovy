package dev.retort.cli

import java.util.concurrent.TimeUnit

class NonTransactionalSpec extends CliSpecification {

    def "CREATE INDEX CONCURRENTLY on an existing table runs outside any transaction (PostgreSQL refuses it inside one)"() {
        given:
        db.withSql { it.execute('CREATE TABLE accounts (id bigint PRIMARY KEY, email text)') }
        script('c.groovy', """
            revision 'c1'
            upgrade {
                createTable('audit') { column 'id', 'bigint', primaryKey: true }
                sql 'CREATE INDEX CONCURRENTLY idx_accounts_email ON accounts (email)'
                addColumn 'accounts', 'verified', 'boolean', default: false
            }
            downgrade { dropColumn 'accounts', 'verified'; dropIndex 'idx_accounts_email'; dropTable 'audit' }
            """)

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        r.err.contains('running outside the transaction: CREATE INDEX CONCURRENTLY idx_accounts_email')
        tables().contains('audit')
        db.withSql { it.firstRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_accounts_email'::regclass").indisvalid }
        db.withSql { it.firstRow("SELECT count(*) AS n FROM information_schema.columns WHERE column_name = 'verified'").n } == 1
        versions() == ['c1']
    }

    def "a CONCURRENTLY index whose first build failed leaves an INVALID index; the retry drops it and builds again, and says so"() {
        given: 'duplicates make the unique build fail'
        db.withSql { it.execute("CREATE TABLE people (id bigint PRIMARY KEY, email text); INSERT INTO people VALUES (1, 'a@x'), (2, 'a@x')") }
        script('u.groovy', """
            revision 'u1'
            upgrade {
                createIndex 'uq_people_email', on: 'people', columns: ['email'], unique: true, concurrently: true
            }
            downgrade { dropIndex 'uq_people_email', concurrently: true }
            """)

        when:
        def first = run('upgrade')

        then:
        first.exit == 5
        first.err.contains('could not create unique index')
        versions() == []
        db.withSql { it.firstRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'uq_people_email'::regclass").indisvalid } == false

        when: 'the data is fixed and the migration runs again'
        db.withSql { it.execute("UPDATE people SET email = 'b@x' WHERE id = 2") }
        def retry = run('upgrade')

        then:
        retry.exit == 0
        retry.err.contains('dropping the invalid index uq_people_email left by an earlier failed CONCURRENTLY build')
        db.withSql { it.firstRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'uq_people_email'::regclass").indisvalid } == true
        versions() == ['u1']
    }

    def "the same cleanup happens for a raw sql CREATE UNIQUE INDEX CONCURRENTLY"() {
        given:
        db.withSql { it.execute("CREATE TABLE people (id bigint PRIMARY KEY, email text); INSERT INTO people VALUES (1, 'a@x'), (2, 'a@x')") }
        script('u.groovy', "revision 'u1'\nupgrade {\n    sql 'CREATE UNIQUE INDEX CONCURRENTLY \"Uq_People\" ON people (email)'\n}\n")

        when:
        run('upgrade')
        db.withSql { it.execute("UPDATE people SET email = 'b@x' WHERE id = 2") }
        def retry = run('upgrade')

        then:
        retry.exit == 0
        retry.err.contains('dropping the invalid index Uq_People')
    }

    def "a backfill killed mid-way resumes where its where clause says, and finishes"() {
        given:
        db.withSql {
            it.execute('CREATE TABLE big (id bigint PRIMARY KEY, n int, label text)')
            it.execute('INSERT INTO big SELECT g, g, NULL FROM generate_series(1, 60000) g')
        }
        script('b.groovy', """
            revision 'b1'
            upgrade {
                backfill 'big', set: "label = 'row ' || n", where: 'label IS NULL', batchSize: 500, pause: 25
            }
            downgrade { sql 'UPDATE big SET label = NULL' }
            """)
        def labelled = { db.withSql { it.firstRow('SELECT count(label) AS n FROM big').n as long } }

        when: 'a child process runs it and is killed with SIGKILL part-way'
        def cmd = [System.getProperty('java.home') + '/bin/java', '-cp', System.getProperty('java.class.path'),
                   'dev.retort.cli.Main', 'upgrade']
        def pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
        pb.environment().put('RETORT_URL', db.url)
        def p = pb.start()
        def deadline = System.currentTimeMillis() + 60_000
        while (labelled() < 5000 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100)
        }
        p.destroyForcibly()
        p.waitFor(10, TimeUnit.SECONDS)
        def partial = labelled()

        then: 'some batches committed, not all, and the migration is not recorded'
        partial >= 5000
        partial < 60000
        versions() == []

        when: 'it runs again'
        def r = run('upgrade')

        then:
        r.exit == 0
        labelled() == 60000
        db.withSql { it.firstRow("SELECT count(*) AS n FROM big WHERE label = 'row ' || n").n } == 60000
        r.err =~ /backfill big: [\d,]+ rows in \d+ batches/
        versions() == ['b1']
    }
}
