package dev.retort.internal.exec

import dev.retort.Direction
import dev.retort.MigrationFailedException
import dev.retort.Revision
import dev.retort.RunListener
import dev.retort.internal.RuntimeDatabase
import dev.retort.internal.dialect.PostgresDialect
import dev.retort.internal.graph.Plan
import dev.retort.internal.graph.RevisionGraph
import dev.retort.internal.graph.TargetResolver
import dev.retort.internal.history.VersionStore
import dev.retort.internal.sink.JdbcSink
import dev.retort.internal.sink.ScriptSink
import dev.retort.internal.sink.SqlSink
import dev.retort.spi.MigrationBody
import dev.retort.spi.MigrationContext
import dev.retort.spi.Sql
import spock.lang.Specification

import java.time.Duration

/**
 * The executor on its own, with no CLI and no facade: the same MigrationExecutor runs a plan on a database
 * (JdbcSink) and writes it as a script (ScriptSink), and the script, run on a fresh database, leaves it where the
 * online run left its own. Each feature has its own databases on the embedded server.
 */
class MigrationExecutorSpec extends Specification {
    static final String LATE_NOTICE = 'offline: written, not run'

    PostgresDialect dialect = new PostgresDialect()
    VersionStore store = new VersionStore('public', 'retort_version', 'retort_history')
    RuntimeDatabase db = RuntimeDatabase.create()
    List<String> notices = []
    RunListener listener = new RunListener() {
        @Override
        void notice(String message) { notices << message }
    }

    def cleanup() {
        db?.close()
    }

    static Revision rev(String id, List<String> revises = [], boolean transactional = true) {
        new Revision(id, revises, [], [], "msg ${id}", null, transactional, "${id}.groovy", "sum-${id}")
    }

    // r1 creates t1, r2 adds a row, r3 builds an index CONCURRENTLY (it cannot run in a transaction)
    RevisionGraph graph = new RevisionGraph([rev('r1'), rev('r2', ['r1']), rev('r3', ['r2'])])
    Map<String, MigrationBody> bodies = [
            r1: body({ it.emit(new Sql('CREATE TABLE t1 (id int PRIMARY KEY, note text)', null)) },
                     { it.emit(new Sql('DROP TABLE t1', null)) }),
            r2: body({ it.emit(new Sql("INSERT INTO t1 VALUES (1, 'a -- not a comment')", null)) },
                     { it.emit(new Sql('DELETE FROM t1', null)) }),
            r3: body({ MigrationContext c ->
                         c.notice(c.offline() ? LATE_NOTICE : 'online: run')
                         c.emit(new Sql('CREATE INDEX CONCURRENTLY t1_note ON t1 (note)', null))
                     },
                     { it.emit(new Sql('DROP INDEX CONCURRENTLY t1_note', null)) })]

    static MigrationBody body(Closure up, Closure down) {
        new MigrationBody() {
            @Override
            void upgrade(MigrationContext context) { up.call(context) }

            @Override
            void downgrade(MigrationContext context) { down.call(context) }

            @Override
            boolean hasDowngrade() { true }
        }
    }

    MigrationExecutor executor() {
        new MigrationExecutor(dialect, store, graph, listener, true,
                new StepSettings(Duration.ofSeconds(5), Duration.ZERO, 0, Duration.ofMillis(10), Duration.ofMinutes(1)))
    }

    Plan upgradeTo(String target, Set<String> applied = [] as Set) {
        new TargetResolver(graph).plan(target, Direction.UPGRADE, applied)
    }

    List steps(SqlSink sink, Plan plan) {
        if (plan.before().isEmpty()) {
            store.ensureTables(sink)
        }
        executor().run(plan, bodies, sink)
    }

    def "online, each migration commits with its version row and history row; the CONCURRENTLY index runs outside"() {
        when:
        def done = db.connect().withCloseable { c -> steps(new JdbcSink(c), upgradeTo('head')) }

        then:
        done*.revision()*.id() == ['r1', 'r2', 'r3']
        db.column('SELECT version_num FROM retort_version') == ['r3']
        db.column("SELECT revision FROM retort_history WHERE success ORDER BY id") == ['r1', 'r2', 'r3']
        db.column('SELECT note FROM t1') == ['a -- not a comment']
        db.column("SELECT indisvalid FROM pg_index WHERE indexrelid = 't1_note'::regclass") == [true]
        notices.any { it.startsWith('r3: running outside the transaction: CREATE INDEX CONCURRENTLY') }
        notices.contains('r3: online: run')
    }

    def "--sql, the same executor writes the same statements as a script: BEGIN/COMMIT per migration, a COMMIT before CONCURRENTLY"() {
        given:
        def out = new StringBuilder()

        when:
        def done = steps(new ScriptSink(out), upgradeTo('head'))
        String script = out.toString()

        then: 'the statements, in order, with the version rows'
        done*.revision()*.id() == ['r1', 'r2', 'r3']
        script.indexOf('CREATE TABLE t1') < script.indexOf('INSERT INTO t1')
        script.indexOf('INSERT INTO t1') < script.indexOf('CREATE INDEX CONCURRENTLY')
        script.contains('-- the next statement cannot run inside a transaction: commit first')
        script.count('BEGIN;') == script.count('COMMIT;')
        script.contains("-- ${LATE_NOTICE}")

        and: 'nothing was asked of a database, and nothing timed'
        done.every { it.duration() == Duration.ZERO }

        when: 'the script runs on a fresh database'
        def fresh = RuntimeDatabase.create()
        fresh.connect().withCloseable { c -> c.createStatement().withCloseable { it.execute(script) } }

        then: 'it is where the online run would leave it'
        fresh.column('SELECT version_num FROM retort_version') == ['r3']
        fresh.column("SELECT revision FROM retort_history WHERE success ORDER BY id") == ['r1', 'r2', 'r3']
        fresh.column('SELECT note FROM t1') == ['a -- not a comment']

        cleanup:
        fresh?.close()
    }

    def "online and --sql from the same plan run the same migration statements"() {
        given:
        def out = new StringBuilder()
        List<String> online = []
        def recording = { SqlSink inner ->
            new dev.retort.internal.sink.ForwardingSink(inner) {
                @Override
                void execute(dev.retort.internal.dialect.Statement s) {
                    if (s.sql() =~ /(?i)\bt1\b/) {
                        online << s.sql()
                    }
                    inner.execute(s)
                }
            }
        }

        when:
        db.connect().withCloseable { c -> steps(recording(new JdbcSink(c)), upgradeTo('head')) }
        steps(new ScriptSink(out), upgradeTo('head'))

        then:
        online.size() == 3
        online.every { out.toString().contains(it + ';') }
    }

    def "a downgrade walks back through the same path, online"() {
        given:
        db.connect().withCloseable { c -> steps(new JdbcSink(c), upgradeTo('head')) }

        when:
        def done = db.connect().withCloseable { c ->
            executor().run(new TargetResolver(graph).plan('r1', Direction.DOWNGRADE, ['r1', 'r2', 'r3'] as Set), bodies, new JdbcSink(c))
        }

        then:
        done*.revision()*.id() == ['r3', 'r2']
        db.column('SELECT version_num FROM retort_version') == ['r1']
        db.column('SELECT count(*) FROM t1') == [0L]
        db.column("SELECT count(*) FROM pg_class WHERE relname = 't1_note'") == [0L]
    }

    def "a failing migration rolls back with its version row, records the failure, and names the file"() {
        given:
        bodies.r2 = body({ it.emit(new Sql("INSERT INTO t1 VALUES (1, 'x')", null)); it.emit(new Sql('SELECT * FROM no_such_table', null)) },
                { })

        when:
        db.connect().withCloseable { c -> steps(new JdbcSink(c), upgradeTo('head')) }

        then:
        MigrationFailedException e = thrown()
        e.message.startsWith('upgrade of r2 (r2.groovy) failed: ')
        e.message.contains('no_such_table')
        e.message.contains('its transaction was rolled back')
        db.column('SELECT version_num FROM retort_version') == ['r1']
        db.column('SELECT count(*) FROM t1') == [0L]
        db.column("SELECT revision FROM retort_history WHERE NOT success") == ['r2']
    }

    def "--sql, a migration that reads the database fails with one line; online it reads"() {
        given:
        bodies.r1 = body({ MigrationContext c ->
            def rs = c.connection().createStatement().executeQuery('SELECT 41 + 1')
            rs.next()
            c.emit(new Sql("CREATE TABLE t1 (id int PRIMARY KEY, note text, answer int DEFAULT ${rs.getInt(1)})", null))
        }, { })

        when:
        steps(new ScriptSink(new StringBuilder()), upgradeTo('r1'))

        then:
        dev.retort.ScriptException e = thrown()
        e.message == "this migration reads the database (db/connection), which --sql mode does not have; run it online, or keep reads out of migrations meant for --sql"

        when:
        db.connect().withCloseable { c -> steps(new JdbcSink(c), upgradeTo('r1')) }

        then:
        db.column("SELECT column_default FROM information_schema.columns WHERE table_name = 't1' AND column_name = 'answer'") == ['42']
    }

    def "extension(): online the server answers, a script assumes it is available"() {
        given:
        String seen = null
        bodies.r1 = body({ MigrationContext c -> seen = c.extension('no_such_extension_here') }, { })

        when:
        db.connect().withCloseable { c -> steps(new JdbcSink(c), upgradeTo('r1')) }

        then:
        seen == null

        when:
        steps(new ScriptSink(new StringBuilder()), upgradeTo('r1'))

        then:
        seen == 'available'
    }
}
