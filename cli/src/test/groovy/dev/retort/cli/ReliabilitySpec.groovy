package dev.retort.cli

import dev.retort.internal.exec.AdvisoryLock
import spock.lang.Timeout

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

class ReliabilitySpec extends CliSpecification {

    static final long KEY = AdvisoryLock.keyFor('public', 'retort_version')

    def "a statement blocked by another session fails on lock_timeout, is retried, and succeeds once the blocker commits"() {
        given:
        db.withSql { it.execute('CREATE TABLE busy (id int)') }
        script('a.groovy', "revision 'a1'\nupgrade { addColumn 'busy', 'note', 'text' }\ndowngrade { dropColumn 'busy', 'note' }\n")
        env.RETORT_SQL_LOCK_TIMEOUT = '300ms'
        env.RETORT_LOCK_RETRIES = '10'
        env.RETORT_LOCK_RETRY_BACKOFF = '200ms'
        def blocker = db.connect()
        blocker.autoCommit = false
        blocker.createStatement().execute('LOCK TABLE busy IN ACCESS SHARE MODE')   // blocks ALTER TABLE
        def pool = Executors.newSingleThreadExecutor()

        when:
        def future = pool.submit({ run('upgrade') } as Callable)
        Thread.sleep(1500)
        blocker.commit()
        def r = future.get(60, TimeUnit.SECONDS)

        then:
        r.exit == 0
        r.err =~ /a1: canceling statement due to lock timeout; the migration was rolled back, retry 1 of 10 in \d+ ms/
        (r.err =~ /retry 1 of 10 in (\d+) ms/)[0][1].toInteger() in 100..300   // 200 ms, jittered by half either way
        versions() == ['a1']
        db.withSql { it.firstRow("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'busy' AND column_name = 'note'").n } == 1
        history().findAll { !it.success }.size() >= 1
        history().count { it.success } == 1

        cleanup:
        blocker?.close()
        pool?.shutdownNow()
    }

    def "when the blocker never lets go, the retries run out: exit 5, one line, nothing applied"() {
        given:
        db.withSql { it.execute('CREATE TABLE busy (id int)') }
        script('a.groovy', "revision 'a1'\nlockTimeout '100ms'\nupgrade { addColumn 'busy', 'note', 'text' }\n")
        env.RETORT_LOCK_RETRIES = '2'
        env.RETORT_LOCK_RETRY_BACKOFF = '50ms'
        def blocker = db.connect()
        blocker.autoCommit = false
        blocker.createStatement().execute('LOCK TABLE busy IN ACCESS SHARE MODE')

        when:
        def r = run('upgrade')

        then: 'the header lockTimeout (100ms) was used, two retries were printed, then it gave up'
        r.exit == 5
        r.err.count('retry ') == 2
        r.err.readLines().find { it.startsWith('error:') }.contains('lock timeout')
        versions() == []

        cleanup:
        blocker?.rollback()
        blocker?.close()
    }

    def "lock_timeout and statement_timeout are set for each migration, also in --sql output"() {
        given:
        script('a.groovy', "revision 'a1'\nstatementTimeout '5min'\nupgrade { sql 'SELECT 1' }\n")
        script('b.groovy', "revision 'b1'\nrevises 'a1'\nupgrade { sql 'SELECT 1' }\n")
        env.RETORT_SQL_LOCK_TIMEOUT = '7s'

        when:
        def r = run('upgrade', '--sql')

        then:
        r.out.contains("SET lock_timeout = '7000ms';\n\nSET statement_timeout = '300000ms';\n\nBEGIN;")
        r.out.contains("SET lock_timeout = '7000ms';\n\nSET statement_timeout = '0ms';\n\nBEGIN;")
    }

    def "a runner that cannot get the migration lock says who holds it and gives up after lockTimeout with exit 6"() {
        given:
        linear(1)
        env.RETORT_LOCK_TIMEOUT = '1s'
        def holder = db.connect()
        holder.createStatement().execute("SET application_name = 'other-deploy'")
        holder.createStatement().execute("SELECT pg_advisory_lock(${KEY})")

        when:
        def r = run('upgrade')

        then:
        r.exit == 6
        r.err.contains('waiting for the migration lock held by pid')
        r.err.contains('(other-deploy)')
        r.err.readLines().find { it.startsWith('error:') }.contains('gave up after 1 s')
        versions() == []

        cleanup:
        holder?.close()
    }

    def "a waiting runner proceeds as soon as the holder's session ends (a killed holder frees the lock)"() {
        given:
        linear(2)
        def holder = db.connect()
        holder.createStatement().execute("SELECT pg_advisory_lock(${KEY})")
        def pool = Executors.newSingleThreadExecutor()

        when:
        def future = pool.submit({ run('upgrade') } as Callable)
        Thread.sleep(1000)
        holder.close()            // the session ends without unlocking, as a killed process's would
        def r = future.get(60, TimeUnit.SECONDS)

        then:
        r.exit == 0
        r.err.contains('waiting for the migration lock')
        versions() == ['r02']

        cleanup:
        pool?.shutdownNow()
    }

    @Timeout(90)
    def "CREATE INDEX CONCURRENTLY under the migration lock completes (it would wait forever on a transaction left open)"() {
        given:
        db.withSql { it.execute('CREATE TABLE big (id int PRIMARY KEY, v int); INSERT INTO big SELECT g, g FROM generate_series(1, 20000) g') }
        script('a.groovy', """
            revision 'a1'
            upgrade {
                // the UPDATEs hold the migration's transaction open around the CONCURRENTLY step; on a 20,000-row
                // table lint reports them (data-in-ddl-transaction) and would stop the upgrade, so they are vouched for
                safetyAssured { sql 'UPDATE big SET v = v + 1 WHERE id < 10' }
                createIndex 'idx_big_v', on: 'big', columns: ['v'], concurrently: true
                safetyAssured { sql 'UPDATE big SET v = v + 1 WHERE id < 10' }
            }
            """)

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        db.withSql { it.firstRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_big_v'::regclass").indisvalid }
    }

    def "an applied script that was edited stops upgrade (exit 3, file named) until the new text is accepted"() {
        given:
        linear(2)
        run('upgrade', 'r01')
        def f = project.resolve('migrations/001_r01.groovy').toFile()
        f.text = f.text.replace("message 'create t1'", "message 'create t1 (edited)'")

        when:
        def refused = run('upgrade')
        def check = run('check')
        def status = run('status')

        then:
        refused.exit == 3
        refused.err.contains('001_r01.groovy (revision r01) was edited after it was applied')
        refused.err.contains('stamp --update-checksums r01')
        versions() == ['r01']
        check.exit == 7
        check.out.contains('001_r01.groovy (revision r01) was edited')
        status.out.contains('EDITED')

        when:
        def accept = run('stamp', '--update-checksums', 'r01')
        def up = run('upgrade')

        then:
        accept.exit == 0
        up.exit == 0
        versions() == ['r02']
        run('check').exit == 0
        !run('status').out.contains('EDITED')
    }

    def "a line-ending-only change is not an edit"() {
        given:
        linear(1)
        run('upgrade')
        def f = project.resolve('migrations/001_r01.groovy').toFile()
        f.text = f.text.replace('\n', '\r\n') + '   \r\n'

        expect:
        run('check').exit == 0
    }

    def "check exits 7 for pending revisions and for a script that does not load, and 0 when all is well"() {
        given:
        linear(2)

        expect:
        run('check').exit == 7
        run('check').out.contains('2 revision(s) not applied')

        when:
        run('upgrade')

        then:
        run('check').exit == 0

        when:
        script('003_bad.groovy', "revision 'bad3'\nrevises 'r02'\nupgrade { createTabel('x') {} }\n")
        def r = run('check')

        then:
        r.exit == 7
        r.out.contains('003_bad.groovy:3')
        r.out.contains('not applied: bad3')
    }

    def "a non-transactional migration that fails part-way is recorded with how far it got, shown by status, and a re-run completes it"() {
        given:
        db.withSql { it.execute('CREATE TABLE t (id int PRIMARY KEY, v int)') }
        def text = """
            revision 'p1'
            upgrade {
                createIndex 'idx_t_v', on: 't', columns: ['v'], concurrently: true
                sql 'SELECT * FROM BROKEN'
            }
            """
        script('p.groovy', text)

        when:
        def first = run('upgrade')

        then:
        first.exit == 5
        first.err.contains('1 statement(s) ran outside the transaction and stay applied')
        db.withSql { it.firstRow("SELECT detail FROM retort_history WHERE NOT success ORDER BY id DESC LIMIT 1").detail }.contains('after 1 statement(s) outside the transaction had run')
        run('status').out =~ /pending\s+p1 .*last attempt failed/

        when: 'the script is fixed; the CONCURRENTLY step renders IF NOT EXISTS, so running it again is safe'
        script('p.groovy', text.replace('BROKEN', 't'))
        def again = run('upgrade')

        then:
        again.exit == 0
        versions() == ['p1']
    }

    def "8 processes running upgrade head at once: all exit 0, every migration applied exactly once"() {
        given:
        (1..20).each { i ->
            String id = String.format('c%02d', i)
            String prev = i == 1 ? '' : "revises '${String.format('c%02d', i - 1)}'"
            script("${id}.groovy", "revision '${id}'\n${prev}\nupgrade {\n    createTable('ct${i}') { column 'id', 'int' }\n    sql 'SELECT pg_sleep(0.02)'\n}\n")
        }
        def cmd = [System.getProperty('java.home') + '/bin/java', '-XX:TieredStopAtLevel=1', '-cp', System.getProperty('java.class.path'),
                   'dev.retort.cli.Main', 'upgrade', 'head']

        when:
        def procs = (1..8).collect {
            def pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
            pb.environment().put('RETORT_URL', db.url)
            pb.start()
        }
        def outputs = procs.collect { p -> def out = p.inputStream.text; p.waitFor(120, TimeUnit.SECONDS); [p.exitValue(), out] }

        then:
        outputs.every { it[0] == 0 }
        outputs.count { it[1].contains('Upgraded 20 revisions') } == 1
        outputs.count { it[1].contains('Nothing to do') } == 7
        versions() == ['c20']
        history().findAll { it.direction == 'upgrade' && it.success }*.revision.countBy { it }.values().every { it == 1 }
        history().count { it.direction == 'upgrade' && it.success } == 20
    }
}
