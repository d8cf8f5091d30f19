package dev.retort.cli

import java.sql.Connection
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Issue 20: before a statement that needs ACCESS EXCLUSIVE on an existing table, the pre-flight names the sessions
 * that would make it wait (pid, application_name, state, age, query); blockers=fail stops with exit 6 before the
 * runner joins the lock queue, so nobody else's query on the table queues behind it.
 */
class BlockerPreflightSpec extends CliSpecification {
    Connection holder
    int holderPid

    def setup() {
        db.withSql { it.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text); INSERT INTO users SELECT g, 'u' || g FROM generate_series(1, 1000) g") }
        script('001_users.groovy', """
            revision 'a1'
            message 'users get a nickname'
            upgrade { addColumn 'users', 'nickname', 'text' }
            downgrade { dropColumn 'users', 'nickname' }
            """)
        env.RETORT_SQL_LOCK_TIMEOUT = '300ms'
        // compiles the script into the cache and loads the runner's classes: the timings below are the upgrade's own
        assert run('upgrade', '--sql').exit == 0
        holder = db.connect()
        holder.createStatement().execute("SET application_name = 'nightly-report'")
        holderPid = holder.createStatement().executeQuery('SELECT pg_backend_pid()').with { it.next(); it.getInt(1) }
        holder.autoCommit = false
        holder.createStatement().execute('SELECT count(*) FROM users') // now idle in transaction, holding ACCESS SHARE on users
    }

    def cleanup() {
        holder?.close()
    }

    /** Runs the CLI on a thread; its stderr can be read while it runs. */
    private Map start(String... args) {
        def out = new StringWriter()
        def err = new StringWriter()
        def pool = Executors.newSingleThreadExecutor()
        def future = pool.submit({
            RetortCommand.commandLine(env, project, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args)
        } as Callable<Integer>)
        [out: out, err: err, future: future, pool: pool]
    }

    private static long millisUntil(StringWriter w, String text, long limitMs) {
        long t0 = System.nanoTime()
        while (!w.toString().contains(text) && (System.nanoTime() - t0) / 1_000_000 < limitMs) {
            Thread.sleep(10)
        }
        (System.nanoTime() - t0).intdiv(1_000_000L)
    }

    /** Samples pg_locks and a reader on users from two more sessions until {@code done} says stop. */
    private Map watch(Closure<Boolean> done) {
        def seen = [ungranted: 0, samples: 0, readerBlocked: 0, readerOk: 0]
        def pool = Executors.newFixedThreadPool(2)
        pool.submit {
            def c = db.connect()
            try {
                while (!done()) {
                    def rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                            + " WHERE NOT l.granted AND a.pid <> ${holderPid}")
                    rs.next()
                    seen.ungranted += rs.getInt(1)
                    seen.samples++
                    Thread.sleep(5)
                }
            } finally {
                c.close()
            }
        }
        pool.submit {
            def c = db.connect()
            try {
                c.createStatement().execute("SET statement_timeout = '250ms'")
                while (!done()) {
                    try {
                        c.createStatement().executeQuery('SELECT count(*) FROM users').close()
                        seen.readerOk++
                    } catch (java.sql.SQLException e) {
                        seen.readerBlocked++
                    }
                    Thread.sleep(20)
                }
            } finally {
                c.close()
            }
        }
        seen.pool = pool
        seen
    }

    def "upgrade names the idle-in-transaction session that holds users, within 2 s, then waits it out (blockers=wait)"() {
        when:
        def run = start('upgrade')
        long ms = millisUntil(run.err, "pid ${holderPid} (nightly-report)", 10_000)
        String said = run.err.toString()
        Thread.sleep(700) // the runner now queues under lock_timeout and retries
        holder.commit()
        int exit = run.future.get(60, TimeUnit.SECONDS)
        println "blocker named after ${ms} ms"

        then:
        ms < 2000
        said.contains("a1: the ACCESS EXCLUSIVE lock on users will wait: 1 session(s) hold a conflicting lock: pid ${holderPid}"
                + " (nightly-report), idle in transaction")
        said.contains('query: SELECT count(*) FROM users')
        said.contains('(blockers=wait)')
        exit == 0
        versions() == ['a1']

        cleanup:
        run?.pool?.shutdownNow()
    }

    def "with blockers=fail it exits 6 naming the session, without ever waiting in the lock queue: another reader of users is never blocked"() {
        given:
        env.RETORT_BLOCKERS = 'fail'
        boolean finished = false
        def seen = watch { finished }
        Thread.sleep(300) // both watchers are sampling

        when:
        long t0 = System.nanoTime()
        def r = run('upgrade')
        long ms = (System.nanoTime() - t0).intdiv(1_000_000L)
        Thread.sleep(300)
        finished = true
        seen.pool.shutdown()
        seen.pool.awaitTermination(10, TimeUnit.SECONDS)
        println "exit ${r.exit} after ${ms} ms; ${seen.findAll { it.key != 'pool' }}"

        then:
        r.exit == 6
        r.err.contains("a1: not queueing for the ACCESS EXCLUSIVE lock on users (blockers=fail): 1 session(s) hold a conflicting lock:"
                + " pid ${holderPid} (nightly-report), idle in transaction")
        r.err.contains('SELECT pg_terminate_backend(pid)')
        r.err.readLines().size() == 1
        ms < 2000

        and: 'no lock request of the runner was ever ungranted, and the reader on users never timed out'
        seen.samples > 20
        seen.ungranted == 0
        seen.readerOk > 5
        seen.readerBlocked == 0

        and: 'the database is as it was'
        versions() == []
        db.withSql { it.firstRow("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'").n } == 0
    }

    def "the watchers do see a runner that queues: with blockers=wait the ALTER waits in pg_locks"() {
        given:
        env.RETORT_LOCK_RETRIES = '2'
        boolean finished = false
        def seen = watch { finished }
        Thread.sleep(300)

        when:
        def r = run('upgrade')
        finished = true
        seen.pool.shutdown()
        seen.pool.awaitTermination(10, TimeUnit.SECONDS)
        println "exit ${r.exit}; ${seen.findAll { it.key != 'pool' }}"

        then: 'the lock_timeout retries ran out while the holder stayed: exit 5, and the queue was seen'
        r.exit == 5
        seen.ungranted > 0
    }

    def "an active query on users younger than lock.maxBlockerAge (#maxAge) is normal traffic, an older one a blocker: exit #exit"() {
        given: 'the idle session is gone; a report query holds users for 1.5 s while it runs'
        holder.rollback()
        env.RETORT_BLOCKERS = 'fail'
        env.RETORT_LOCK_MAX_BLOCKER_AGE = maxAge
        def pool = Executors.newSingleThreadExecutor()
        pool.submit {
            holder.createStatement().execute('SELECT count(*), pg_sleep(1.5) FROM (SELECT 1 FROM users LIMIT 1) u')
            holder.commit()
        }
        Thread.sleep(400)

        when:
        def r = run('upgrade')

        then:
        r.exit == exit
        (r.err =~ /not queueing .* pid ${holderPid} \(nightly-report\), active, \d+\.\d s old/).find() == (exit == 6)

        cleanup:
        pool.shutdown()
        pool.awaitTermination(10, TimeUnit.SECONDS)

        where:
        maxAge  || exit
        '10s'   || 0
        '100ms' || 6
    }

    def "the lock an operation needs comes from its record (raw SQL through the statement reader): #operation with a holder that ran #held gives exit #exit"() {
        given:
        holder.rollback()
        holder.createStatement().execute(held)
        env.RETORT_BLOCKERS = 'fail'
        script('001_users.groovy', """
            revision 'a1'
            upgrade { ${operation} }
            downgrade { sql 'SELECT 1' }
            """)

        when:
        def r = run('upgrade')

        then:
        r.exit == exit
        (exit == 6) == r.err.contains("not queueing for the ${lock} lock on users (blockers=fail)".toString())
        r.err.contains("pid ${holderPid} (nightly-report)") == (exit == 6)

        where:
        held                                          | operation                                                                  || exit | lock
        'SELECT count(*) FROM users'                  | "addColumn 'users', 'nickname', 'text'"                                   || 6    | 'ACCESS EXCLUSIVE'
        'SELECT count(*) FROM users'                  | "sql 'ALTER TABLE users ADD COLUMN nickname text'"                        || 6    | 'ACCESS EXCLUSIVE'
        'SELECT count(*) FROM users'                  | "safetyAssured { renameColumn 'users', 'email', 'mail' }"                 || 6    | 'ACCESS EXCLUSIVE'
        'SELECT count(*) FROM users'                  | "createIndex 'idx_users_email', on: 'users', columns: ['email']"          || 0    | 'SHARE'
        "UPDATE users SET email = email WHERE id = 1" | "createIndex 'idx_users_email', on: 'users', columns: ['email']"          || 6    | 'SHARE'
        'SELECT count(*) FROM users'                  | "createTable('t2') { column 'id', 'bigint', primaryKey: true }; addColumn 't2', 'x', 'int'" || 0 | 'ACCESS EXCLUSIVE'
    }

    def "blockers and lock.maxBlockerAge are checked: a bad value is one line and exit 2"() {
        given:
        env[name] = value

        when:
        def r = run('upgrade')

        then:
        r.exit == 2
        r.err.contains(message)
        versions() == []

        where:
        name                          | value   || message
        'RETORT_BLOCKERS'             | 'maybe' || "blockers: 'maybe' is not wait or fail"
        'RETORT_LOCK_MAX_BLOCKER_AGE' | 'soon'  || "lock.maxBlockerAge: 'soon' is not a duration"
    }
}
