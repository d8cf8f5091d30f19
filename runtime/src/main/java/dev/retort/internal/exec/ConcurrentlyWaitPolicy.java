package dev.retort.internal.exec;

import dev.retort.MigrationFailedException;
import dev.retort.Revision;
import dev.retort.RunListener;
import dev.retort.internal.dialect.ConcurrencyQueries;
import dev.retort.internal.dialect.SessionSql;
import dev.retort.internal.dialect.SqlStatementReader;
import dev.retort.internal.dialect.Statement;
import dev.retort.internal.dialect.TransactionRules;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.CreateIndex;
import dev.retort.spi.Operation;
import dev.retort.spi.SqlFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;

/**
 * How a CONCURRENTLY statement waits. It waits for every older transaction's snapshot, which lock_timeout
 * cannot bound (a short one only fails the build and leaves an INVALID index): so it runs with lock_timeout
 * off and statement_timeout set to {@code concurrentlyTimeout}, names the old transactions it waits for
 * (once, then every {@link #REPEAT}), and on timeout names the blocker and drops the INVALID index it left.
 */
record ConcurrentlyWaitPolicy(RunListener listener, Duration timeout) {
    static final Duration REPEAT = Duration.ofSeconds(10);

    /**
     * True for a statement that waits for old snapshots (CREATE INDEX / REINDEX / DETACH ... CONCURRENTLY) on a
     * sink whose session keeps the timeouts this policy sets (a script's reader sets their own).
     */
    static boolean applies(Statement s, SqlSink sink) {
        return sink.keepsSession() && !s.transactional() && !sink.inTransaction() && TransactionRules.waitsForOldSnapshots(s.sql());
    }

    /** Runs {@code s} under this policy, then sets the step's own timeouts again. */
    void execute(SqlSink sink, Statement s, Operation operation, Revision r, long lockMs, long statementMs) {
        sink.execute(Statement.of(ConcurrencyQueries.concurrentlyTimeouts(timeout.toMillis())));
        List<String> old = oldTransactions(sink);
        String first = s.sql().lines().findFirst().orElse("").strip();
        if (!old.isEmpty()) {
            listener.notice(r.id() + ": " + first + " waits for " + old.size() + " older transaction(s): " + String.join("; ", old));
        }
        Timer timer = new Timer("retort-concurrently-wait", true);
        long t0 = System.nanoTime();
        if (!old.isEmpty()) {
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    listener.notice(r.id() + ": still waiting after " + (System.nanoTime() - t0) / 1_000_000_000 + " s for "
                            + String.join("; ", old) + " (concurrentlyTimeout " + timeout.toSeconds() + " s)");
                }
            }, REPEAT.toMillis(), REPEAT.toMillis());
        }
        try {
            sink.execute(s);
        } catch (SqlFailure f) {
            if (!"57014".equals(f.sqlState())) {
                throw f;
            }
            throw timedOut(sink, s, operation, r, first, f, lockMs, statementMs);
        } finally {
            timer.cancel();
            SessionSql.timeouts(lockMs, statementMs).forEach(sink::execute);
        }
    }

    private MigrationFailedException timedOut(SqlSink sink, Statement s, Operation operation, Revision r, String first,
                                              SqlFailure f, long lockMs, long statementMs) {
        SessionSql.timeouts(lockMs, statementMs).forEach(sink::execute);
        List<String> still = oldTransactions(sink);
        String blocker = still.isEmpty() ? "an older transaction (it has ended since)" : "old transaction " + still.get(0);
        String index = cleanUp(sink, operation, s);
        return new MigrationFailedException(r.id(), first + " waited concurrentlyTimeout (" + timeout.toMillis() + " ms) for "
                + blocker + "; end that transaction ("
                + ConcurrencyQueries.terminateBackend("pid") + ") or raise concurrentlyTimeout" + index, f);
    }

    // a cancelled build leaves an INVALID index behind; drop it now, or say exactly how
    private String cleanUp(SqlSink sink, Operation operation, Statement s) {
        CreateIndex index = operation instanceof CreateIndex i ? i : null;
        if (index == null) {
            for (Object read : SqlStatementReader.read(s.sql())) {
                if (read instanceof CreateIndex ci) {
                    index = ci;
                }
            }
        }
        if (index == null) {
            return "";
        }
        Statement drop = ConcurrencyQueries.dropIndexConcurrently(index.schema(), index.name());
        try {
            if (!invalidIndexExists(sink, index)) {
                return "";
            }
            sink.execute(drop);
            return "; the INVALID index " + index.name() + " it left was dropped";
        } catch (RuntimeException e) {
            return "; it left the INVALID index " + index.name() + ": drop it with " + drop.sql();
        }
    }

    private boolean invalidIndexExists(SqlSink sink, CreateIndex index) {
        return sink.probe(ConcurrencyQueries.invalidIndexExists(index.schema(), index.name()));
    }

    private static List<String> oldTransactions(SqlSink sink) {
        List<String> out = new ArrayList<>();
        for (Object[] t : sink.query(ConcurrencyQueries.oldTransactions())) {
            out.add(BlockerCheck.describe(t)); // the same line the blocker pre-flight prints
        }
        return out;
    }
}
