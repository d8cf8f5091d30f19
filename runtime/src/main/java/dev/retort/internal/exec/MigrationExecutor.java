package dev.retort.internal.exec;

import dev.retort.Direction;
import dev.retort.MigrationFailedException;
import dev.retort.MigrationStep;
import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.RunListener;
import dev.retort.internal.dialect.PostgresDialect;
import dev.retort.internal.dialect.Statement;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.history.HistoryEntry;
import dev.retort.internal.history.VersionStore;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.ScriptLine;
import dev.retort.spi.SqlFailure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a plan through a sink: each migration in its own transaction together with its version-table
 * update and history row; statements PostgreSQL refuses in a transaction run between a COMMIT and
 * the next BEGIN. Online and --sql take exactly this path.
 */
public final class MigrationExecutor {
    private final PostgresDialect dialect;
    private final VersionStore store;
    private final RevisionGraph graph;
    private final RunListener listener;
    private final boolean transactionPerMigration;
    private final StepSettings settings;
    private MigrationGuard guard;
    private RunInterruption watch;
    private Map<String, String> resumePoints = Map.of();

    public MigrationExecutor(PostgresDialect dialect, VersionStore store, RevisionGraph graph, RunListener listener,
                             boolean transactionPerMigration, StepSettings settings) {
        this.dialect = dialect;
        this.store = store;
        this.graph = graph;
        this.listener = listener;
        this.transactionPerMigration = transactionPerMigration;
        this.settings = settings;
    }

    /** Online runs check each step under {@code g}: a transaction-level lock, the heads, a lease when pooled. */
    public MigrationExecutor guardedBy(MigrationGuard g) {
        this.guard = g;
        return this;
    }

    /** Online runs tell {@code stop} which migration runs, for what a signal cancels and says. */
    public MigrationExecutor watchedBy(RunInterruption stop) {
        this.watch = stop;
        return this;
    }

    /** Runs every step; on failure rolls back the failing step and throws {@link MigrationFailedException}. */
    public List<MigrationStep> run(Plan plan, Map<String, MigrationBody> bodies, SqlSink sink) {
        Set<String> applied = new HashSet<>(plan.before());
        java.util.SortedSet<String> heads = graph.emptyHeads();
        heads.addAll(graph.headsOf(applied));
        List<MigrationStep> done = new ArrayList<>();
        boolean oneTransaction = !transactionPerMigration && sink.holdsRunTransaction();
        if (guard != null && sink.locks()) {
            sink = guard.wrap(sink);
        }
        resumePoints = sink.remembers() && !oneTransaction && plan.direction() == Direction.UPGRADE
                ? PartProgress.resumePoints(store, sink.connection(), plan.direction()) : Map.of();
        if (oneTransaction) {
            sink.begin();
        }
        try {
            for (Revision r : plan.steps()) {
                listener.stepStarting(r, plan.direction());
                if (watch != null) {
                    watch.running(r);
                }
                long t0 = System.nanoTime();
                java.util.SortedSet<String> headsAfter;
                if (!graph.contains(r.id())) {
                    headsAfter = heads; // a repeatable migration: outside the graph, it leaves the heads as they are
                } else if (plan.direction() == Direction.UPGRADE) {
                    applied.add(r.id());
                    headsAfter = graph.headsAfterUpgrade(heads, r);
                } else {
                    applied.remove(r.id());
                    headsAfter = graph.headsAfterDowngrade(heads, r, applied);
                }
                for (int attempt = 0; ; attempt++) {
                    try {
                        runStep(r, plan.direction(), bodies.get(r.id()), sink, List.copyOf(heads), List.copyOf(headsAfter), t0,
                                oneTransaction);
                        break;
                    } catch (StepFailure f) {
                        if (f.getCause() instanceof HeadsMoved moved) {
                            throw moved.after(oneTransaction ? List.of() : done);
                        }
                        if (attempt < settings.retries() && retryable(f) && !oneTransaction) {
                            long wait = settings.retryWait(attempt);
                            String why = f.getCause() instanceof SqlFailure sf ? sf.serverMessage().replaceFirst("^ERROR: ", "") : "lock timeout";
                            listener.notice(r.id() + ": " + why + "; the migration was rolled back, retry " + (attempt + 1) + " of "
                                    + settings.retries() + " in " + wait + " ms");
                            recordFailure(r, plan.direction(), sink, "lock timeout, retried: " + why, t0);
                            StepSettings.pause(wait);
                            t0 = System.nanoTime();
                            continue;
                        }
                        throw failure(r, plan.direction(), (RuntimeException) f.getCause(), sink, f.context, t0);
                    }
                }
                heads = headsAfter;
                MigrationStep step = new MigrationStep(r, plan.direction(),
                        sink.elapsedSince(t0));
                done.add(step);
                if (watch != null) {
                    watch.finished();
                }
                listener.stepFinished(step);
            }
            if (oneTransaction) {
                sink.commit();
            }
        } catch (RuntimeException e) {
            if (oneTransaction) {
                sink.rollback();
            }
            throw e;
        } finally {
            if (!plan.isEmpty()) {
                timeouts.reset(sink);
            }
        }
        return done;
    }

    // only a lock timeout with nothing applied outside the transaction is safe to run again from the start
    private static boolean retryable(StepFailure f) {
        return f.context.outsideCount() == 0 && f.getCause() instanceof SqlFailure sf && "55P03".equals(sf.sqlState());
    }

    /** A step that failed and was rolled back, with what it had done. */
    private static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient StepContext context;

        StepFailure(RuntimeException cause, StepContext context) {
            super(cause);
            this.context = context;
        }
    }

    private final SessionTimeouts timeouts = new SessionTimeouts();

    private void runStep(Revision r, Direction direction, MigrationBody body, SqlSink sink, List<String> headsBefore,
                         List<String> headsAfter, long t0, boolean oneTransaction) {
        StepContext ctx = new StepContext(r, sink, oneTransaction, dialect, listener, settings, timeouts,
                PartProgress.start(store, r, direction, resumePoints));
        if (ctx.parts().resumeAt() > 0) {
            listener.notice(r.id() + ": resuming after the " + ctx.parts().resumeAt() + " statement(s) an earlier attempt committed");
        }
        sink.comment(heading(r, direction, headsBefore, headsAfter));
        try {
            long lock = settings.lockTimeoutMs(r);
            long statement = settings.statementTimeoutMs(r);
            timeouts.apply(sink, lock, statement, oneTransaction);
            ctx.openIfTransactional();
            if (guard != null && sink.locks()) {
                guard.enter(sink, r, headsBefore, lock, statement);
            }
            if (direction == Direction.UPGRADE) {
                body.upgrade(ctx);
            } else {
                body.downgrade(ctx);
            }
            if (!sink.inTransaction()) {
                sink.begin();
            }
            Long ms = sink.remembers() ? sink.elapsedSince(t0).toMillis() : null;
            List<Statement> versionRows = store.moveHeadsStatements(headsBefore, headsAfter);
            Statement historyRow = store.recordStatement(new HistoryEntry(r.id(), direction, r.checksum(), r.message(), null, null, ms,
                    true, ctx.outsideCount() > 0 ? ctx.outsideCount() + " statement(s) ran outside the transaction" : null));
            if (guard != null) {
                guard.bookkeep(sink, versionRows, historyRow);
            } else {
                List<Statement> bookkeeping = new ArrayList<>(versionRows);
                bookkeeping.add(historyRow);
                sink.executeAll(bookkeeping);
            }
            if (!oneTransaction) {
                sink.commit();
            }
        } catch (RuntimeException e) {
            sink.rollback();
            if (guard != null) {
                guard.release(sink);
            }
            throw new StepFailure(e, ctx);
        }
    }

    private static String heading(Revision r, Direction direction, List<String> before, List<String> after) {
        return (direction == Direction.UPGRADE ? "Running upgrade " : "Running downgrade ")
                + String.join(", ", before.isEmpty() ? List.of("base") : before) + " -> "
                + String.join(", ", after.isEmpty() ? List.of("base") : after) + (r.message() == null ? "" : ": " + r.message());
    }

    private RetortException failure(Revision r, Direction direction, RuntimeException e, SqlSink sink, StepContext ctx,
                                     long t0) {
        if (e instanceof RetortException re && !(e instanceof MigrationFailedException) && (ctx.statements() == 0 || !sink.remembers())) {
            return re; // a script error found before anything ran (or while writing --sql): report it as itself
        }
        if (e instanceof dev.retort.LockTimeoutException lock && ctx.outsideCount() == 0) {
            // the blocker pre-flight stopped before queueing (blockers=fail): exit 6 like any lock that was not had
            return new dev.retort.LockTimeoutException(lock.getMessage() + "; " + r.id() + " was rolled back, nothing of it applied");
        }
        String reason = FailureReason.of(e, r.file());
        int lineNo = ScriptLine.of(e, r.file());
        if (lineNo == 0) {
            lineNo = ctx.line(); // a recorded body: the line it was recorded on
        }
        String line = lineNo > 0 ? ":" + lineNo : "";
        String partial = (ctx.outsideCount() > 0
                ? "; " + ctx.outsideCount() + " statement(s) ran outside the transaction and stay applied" : "")
                + (ctx.parts().committed() > 0 ? "; " + ctx.parts().committed() + " statement(s) of it are committed in all (each recorded"
                + " in the history), a re-run resumes after them" : "");
        if (sink.remembers()) {
            recordFailure(r, direction, sink, reason + (ctx.outsideCount() > 0
                    ? " (after " + ctx.outsideCount() + " statement(s) outside the transaction had run)" : "")
                    + (ctx.parts().committed() > 0 ? "; partly applied: " + ctx.parts().committed() + " statement(s) committed" : ""), t0);
        }
        return new MigrationFailedException(r.id(), direction.word() + " of " + r.id() + " (" + r.file() + line + ") failed: "
                + reason + "; its transaction was rolled back" + partial + ", " + FailureAdvice.of(e), e);
    }

    private void recordFailure(Revision r, Direction direction, SqlSink sink, String reason, long t0) {
        store.recordFailure(sink, new HistoryEntry(r.id(), direction, r.checksum(), r.message(), null, null,
                (System.nanoTime() - t0) / 1_000_000, false, reason));
    }
}
