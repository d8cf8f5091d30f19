package dev.retort.cli

import spock.lang.Timeout

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** Issue 13 items 1 and 11: exactly once without a session lock, and limits in every transaction mode. */
class ExactlyOnceSpec extends CliSpecification {

    def setup() {
        db.withSql { it.execute('CREATE TABLE applied (round int)') }
    }

    def "with lock=false, 3 runners x 3 rounds apply each non-idempotent migration exactly once"() {
        expect:
        (1..3).each { i ->
            String prev = i == 1 ? '' : "revises 'r${i - 1}'"
            script("r${i}.groovy", "revision 'r${i}'\n${prev}\nupgrade {\n    sql 'INSERT INTO applied VALUES (${i})'\n    sql 'SELECT pg_sleep(0.3)'\n}\n")
            def outcomes = Runners.run(3, project, [RETORT_URL: db.url, RETORT_LOCK: 'false'], 'upgrade', 'head')
            assert outcomes.every { it.exit == 0 }, outcomes.join('\n')
            assert db.withSql { it.firstRow("SELECT count(*) AS n FROM applied WHERE round = ${i}").n } == 1, outcomes.join('\n')
            assert outcomes.count { it.out.contains('Nothing to do') } == 2, outcomes.join('\n')
            assert history().count { it.revision == "r${i}" && it.success } == 1
        }
    }

    def "a version-row change that does not move exactly one row rolls the migration back instead of recording a lie"() {
        given: 'another writer moves the version table while the migration runs'
        script('a.groovy', "revision 'a1'\nupgrade { sql 'INSERT INTO applied VALUES (1)' }\n")
        script('b.groovy', "revision 'b1'\nrevises 'a1'\nupgrade {\n    sql 'INSERT INTO applied VALUES (2)'\n    sql 'SELECT pg_sleep(2)'\n}\n")
        run('upgrade', 'a1')
        env.RETORT_LOCK = 'false'
        def pool = Executors.newSingleThreadExecutor()

        when:
        def future = pool.submit({ run('upgrade') } as Callable)
        Thread.sleep(1000)
        db.withSql { it.execute("UPDATE retort_version SET version_num = 'b1'") }   // as a runner that applied b1 would
        def r = future.get(60, TimeUnit.SECONDS)

        then: 'the UPDATE of a1 -> b1 moved 0 rows: rolled back, planned again, nothing left to do'
        r.exit == 0
        r.err.contains('the version-row change moved 0 rows instead of 1')
        r.all.contains('Nothing to do')
        db.withSql { it.firstRow('SELECT count(*) AS n FROM applied WHERE round = 2').n } == 0
        versions() == ['b1']
        history().count { it.revision == 'b1' } == 0

        cleanup:
        pool?.shutdownNow()
    }

    @Timeout(60)
    def "transactionPerMigration=false still sets lock_timeout: a blocked ALTER gives up instead of queueing behind the blocker"() {
        given:
        db.withSql { it.execute('CREATE TABLE busy (id int)') }
        script('a.groovy', "revision 'a1'\nupgrade { addColumn 'busy', 'note', 'text' }\n")
        env.RETORT_TRANSACTION_PER_MIGRATION = 'false'
        env.RETORT_SQL_LOCK_TIMEOUT = '300ms'
        def blocker = db.connect()
        blocker.autoCommit = false
        blocker.createStatement().execute('LOCK TABLE busy IN ACCESS SHARE MODE')
        def pool = Executors.newSingleThreadExecutor()

        when:
        def r = pool.submit({ run('upgrade') } as Callable).get(20, TimeUnit.SECONDS)

        then:
        r.exit == 5
        r.err.contains('lock timeout')
        versions() == []

        cleanup:
        blocker?.rollback()
        blocker?.close()
        pool?.shutdownNow()
    }
}
