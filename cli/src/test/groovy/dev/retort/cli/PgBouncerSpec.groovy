package dev.retort.cli

import dev.retort.spock.TestDatabase
import spock.lang.Requires
import spock.lang.Shared

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Issue 13 item 1 and acceptance 2: a real PgBouncer in transaction pooling mode in front of the
 * test server. Skipped, with the reason printed, only where pgbouncer is not installed.
 */
@Requires({ PgBouncerSpec.reasonToSkip() == null })
class PgBouncerSpec extends CliSpecification {
    @Shared
    PgBouncer bouncer

    static String reasonToSkip() {
        String why = PgBouncer.unavailable()
        if (why != null) {
            System.err.println("PgBouncerSpec skipped: " + why)
        }
        return why
    }

    def setupSpec() {
        bouncer = PgBouncer.start(TestDatabase.serverHostPort())
    }

    def cleanupSpec() {
        bouncer?.close()
    }

    def setup() {
        env.RETORT_URL = bouncer.url(db.name)
        db.withSql { it.execute('CREATE TABLE applied (round int, at timestamptz DEFAULT clock_timestamp())') }
    }

    private void round(int i) {
        String prev = i == 1 ? '' : "revises 'r${i - 1}'"
        // even rounds mix a plain step with a CONCURRENTLY index (parts that commit on their own: the lease's case)
        String body = i % 2 == 1 ? "sql 'INSERT INTO applied (round) VALUES (${i})'\n    sql 'SELECT pg_sleep(0.3)'"
                : "sql 'INSERT INTO applied (round) VALUES (${i})'\n    createIndex 'idx_applied_${i}', on: 'applied', columns: ['round'], concurrently: true\n    sql 'SELECT pg_sleep(0.3)'"
        script("r${i}.groovy", "revision 'r${i}'\n${prev}\nupgrade {\n    ${body}\n}\n")
    }

    private long leases() {
        db.withSql {
            it.firstRow("SELECT to_regclass('retort_version_lease') IS NOT NULL AS e").e
                    ? it.firstRow('SELECT count(*) AS n FROM retort_version_lease').n as long : 0L
        }
    }

    private long advisoryLocks() {
        db.withSql { it.firstRow("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory'").n as long }
    }

    def "6 runners x 5 rounds through PgBouncer transaction pooling: each non-idempotent migration applied exactly once, all exit 0, no lock left behind"() {
        expect:
        (1..5).each { i ->
            round(i)
            def outcomes = Runners.run(6, project, [RETORT_URL: bouncer.url(db.name)], 'upgrade', 'head')
            assert outcomes.every { it.exit == 0 }, outcomes.join('\n')
            assert db.withSql { it.firstRow("SELECT count(*) AS n FROM applied WHERE round = ${i}").n } == 1, outcomes.join('\n')
            assert outcomes.count { it.out.contains('Upgraded 1 revision') } == 1, outcomes.join('\n')
            assert outcomes.count { it.out.contains('Nothing to do') } == 5, outcomes.join('\n')
            assert versions() == ["r${i}".toString()]
            assert history().count { it.revision == "r${i}" && it.direction == 'upgrade' && it.success } == 1
            assert advisoryLocks() == 0
            assert leases() == 0
        }
        and: 'the CONCURRENTLY rounds held a lease while their parts committed on their own'
        db.withSql { it.firstRow("SELECT to_regclass('retort_version_lease') IS NOT NULL AS e").e }
    }

    def "the pooler is detected and said in one line; a direct connection is not taken for one"() {
        given:
        round(1)

        when:
        def pooled = run('upgrade')
        env.RETORT_URL = db.url
        round(3)
        script('r2.groovy', "revision 'r2'\nrevises 'r1'\nupgrade { sql 'SELECT 1' }\n")
        def direct = run('upgrade')

        then:
        pooled.exit == 0
        pooled.err.readLines().count { it.contains('transaction pooling detected') } == 1
        direct.exit == 0
        !direct.all.contains('transaction pooling')
        advisoryLocks() == 0
    }

    def "through the pooler lock_timeout still applies, and the retry after it runs clean (no 'current transaction is aborted')"() {
        given:
        db.withSql { it.execute('CREATE TABLE busy (id int)') }
        script('a.groovy', "revision 'a1'\nupgrade {\n    sql 'SELECT 1'\n    addColumn 'busy', 'note', 'text'\n}\n")
        env.RETORT_SQL_LOCK_TIMEOUT = '300ms'
        env.RETORT_LOCK_RETRIES = '20'
        env.RETORT_LOCK_RETRY_BACKOFF = '100ms'
        def blocker = db.connect()
        blocker.autoCommit = false
        blocker.createStatement().execute('LOCK TABLE busy IN ACCESS SHARE MODE')
        def pool = Executors.newSingleThreadExecutor()

        when:
        def future = pool.submit({ run('upgrade') } as Callable)
        Thread.sleep(2000)
        blocker.commit()
        def r = future.get(60, TimeUnit.SECONDS)

        then:
        r.exit == 0
        r.err =~ /a1: canceling statement due to lock timeout; the migration was rolled back, retry 1 of 20/
        !r.all.contains('current transaction is aborted')
        versions() == ['a1']
        history().count { it.success } == 1

        cleanup:
        blocker?.close()
        pool?.shutdownNow()
    }
}
