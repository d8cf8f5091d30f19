package dev.retort.internal.exec;

import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.RunListener;
import dev.retort.internal.dialect.CatalogQueries;
import dev.retort.internal.dialect.ConcurrencyQueries;
import dev.retort.internal.dialect.PostgresDialect;
import dev.retort.internal.dialect.SqlStatementReader;
import dev.retort.internal.dialect.Statement;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.Backfill;
import dev.retort.spi.CreateIndex;
import dev.retort.spi.MigrationContext;
import dev.retort.spi.Operation;
import dev.retort.spi.Sql;

import java.sql.Connection;

/**
 * What one migration's body sees while the executor runs it: each operation rendered and sent to the
 * sink, with COMMIT/BEGIN around what cannot run in a transaction, resume positions skipped, backfills
 * batched and CONCURRENTLY builds under their wait policy where the sink runs them.
 */
final class StepContext implements MigrationContext {
    private final Revision revision;
    private final SqlSink sink;
    private final boolean oneTransaction;
    private final PostgresDialect dialect;
    private final RunListener listener;
    private final StepSettings settings;
    private final SessionTimeouts timeouts;
    private final PartProgress parts;
    private final BlockerCheck blockers;
    private boolean forcedAutocommit;
    private int statements;
    private int outsideCount;
    private int line;

    StepContext(Revision revision, SqlSink sink, boolean oneTransaction, PostgresDialect dialect, RunListener listener,
                StepSettings settings, SessionTimeouts timeouts, PartProgress parts) {
        this.revision = revision;
        this.sink = sink;
        this.oneTransaction = oneTransaction;
        this.dialect = dialect;
        this.listener = listener;
        this.settings = settings;
        this.timeouts = timeouts;
        this.parts = parts;
        this.blockers = new BlockerCheck(revision, listener, settings);
    }

    /** Statements sent so far (0: the step failed before anything ran). */
    int statements() {
        return statements;
    }

    /** Statements that ran outside the migration's transaction and stay applied after a rollback. */
    int outsideCount() {
        return outsideCount;
    }

    /** The script line of the last operation a recording emitted (0: unknown). */
    int line() {
        return line;
    }

    /** Where this attempt stands among the statements earlier attempts committed. */
    PartProgress parts() {
        return parts;
    }

    void openIfTransactional() {
        if (revision.transactional() && !sink.inTransaction()) {
            sink.begin();
        }
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public void emit(Operation operation, int line) {
        this.line = line;
        emit(operation);
    }

    @Override
    public void emit(Operation operation) {
        if (operation instanceof Sql) {
            timeouts.forget(); // raw SQL may SET the session's timeouts: set ours again before the next step
        }
        if (operation instanceof Backfill b && sink.batchesBackfills()) {
            if (!parts.nextIsDone(b.toString())) {
                runOutside(() -> new BackfillRunner(listener).run(sink, b), true);
            }
            return;
        }
        if (operation instanceof CreateIndex i && i.concurrently()) {
            dropInvalidIndex(i.schema(), i.name());
        }
        blockers.before(operation, sink); // before its statement joins the lock queue
        for (Statement s : dialect.render(operation)) {
            if (parts.nextIsDone(s.sql())) {
                continue; // committed by an earlier attempt of this text
            }
            if (!s.transactional() && operation instanceof Sql) {
                for (Object read : SqlStatementReader.read(s.sql())) {
                    if (read instanceof CreateIndex ci && ci.concurrently()) {
                        dropInvalidIndex(ci.schema(), ci.name());
                    }
                }
            }
            boolean outside = !s.transactional() || forcedAutocommit || !revision.transactional();
            if (outside && sink.inTransaction()) {
                if (oneTransaction) {
                    throw new RetortException("statement cannot run inside the single run transaction "
                            + "(transactionPerMigration=false): " + s.sql().lines().findFirst().orElse(""));
                }
                sink.comment("the next statement cannot run inside a transaction: commit first");
                parts.beforeCommit(sink);
                sink.commit();
                if (!s.transactional()) {
                    listener.notice(revision.id() + ": running outside the transaction: "
                            + s.sql().lines().findFirst().orElse(""));
                }
            }
            statements++;
            if (outside) {
                outsideCount++;
            }
            if (ConcurrentlyWaitPolicy.applies(s, sink)) { // lock_timeout cannot bound its wait for old snapshots
                new ConcurrentlyWaitPolicy(listener, settings.concurrentlyTimeout()).execute(sink, s, operation,
                        revision, settings.lockTimeoutMs(revision), settings.statementTimeoutMs(revision));
            } else {
                sink.execute(s);
            }
            if (outside && !sink.inTransaction()) {
                parts.afterAutocommit(sink);
            }
            if (outside && !forcedAutocommit && revision.transactional() && !sink.inTransaction()) {
                sink.begin();
            }
        }
    }

    // a CONCURRENTLY build that failed leaves an INVALID index of the same name: drop it first so the retry can build
    private void dropInvalidIndex(String schema, String name) {
        if (!sink.probe(ConcurrencyQueries.invalidIndexExists(schema, name))) {
            return; // offline there is nothing to find: the script builds the index once
        }
        listener.notice(revision.id() + ": dropping the invalid index " + name
                + " left by an earlier failed CONCURRENTLY build, then building it again");
        runOutside(() -> sink.execute(ConcurrencyQueries.dropIndexConcurrently(schema, name)), false);
    }

    private void runOutside(Runnable work, boolean counted) {
        boolean wasOpen = sink.inTransaction();
        if (wasOpen) {
            if (oneTransaction) {
                throw new RetortException("a backfill or CONCURRENTLY step cannot run inside the single run transaction "
                        + "(transactionPerMigration=false)");
            }
            if (counted) {
                parts.beforeCommit(sink);
            }
            sink.commit();
        }
        outsideCount++;
        statements++;
        work.run();
        if (counted) {
            parts.afterAutocommit(sink);
        }
        if (wasOpen) {
            sink.begin();
        }
    }

    @Override
    public void autocommit(Runnable body) {
        boolean was = forcedAutocommit;
        forcedAutocommit = true;
        try {
            if (sink.inTransaction()) {
                parts.afterAutocommit(sink); // position: the statements before this block
                sink.commit();
            }
            body.run();
        } finally {
            forcedAutocommit = was;
        }
        if (revision.transactional() && !sink.inTransaction()) {
            sink.begin();
        }
    }

    @Override
    public Connection connection() {
        return sink.connection();
    }

    @Override
    public void notice(String message) {
        if (sink.writesComments()) {
            sink.comment(message);
        } else {
            listener.notice(revision.id() + ": " + message);
        }
    }

    @Override
    public String extension(String name) {
        return sink.extensionState(CatalogQueries.extensionState(name));
    }

    @Override
    public boolean offline() {
        return sink.offline();
    }
}
