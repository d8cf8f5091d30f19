package dev.retort.internal.command;

import dev.retort.Direction;
import dev.retort.MigrationFailedException;
import dev.retort.MigrationStep;
import dev.retort.Revision;
import dev.retort.RunListener;
import dev.retort.RunResult;
import dev.retort.ScriptException;
import dev.retort.internal.exec.AdvisoryLock;
import dev.retort.internal.exec.HeadsMoved;
import dev.retort.internal.exec.MigrationExecutor;
import dev.retort.internal.exec.MigrationGuard;
import dev.retort.internal.exec.RunInterruption;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.graph.TargetResolver;
import dev.retort.internal.history.LostConnectionRecord;
import dev.retort.internal.history.ReadOnlyDatabase;
import dev.retort.internal.sink.JdbcSink;
import dev.retort.internal.sink.ScriptSink;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.SqlFailure;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upgrade and downgrade, on a database or as an SQL script ({@code --sql}). Both take one path: plan the
 * target from an applied set, compile and preflight every body of the plan, create the version tables
 * when missing, and hand the plan to the executor with a sink. Online, the applied set is the version
 * table's, read under the migration lock (and read again when another runner moved it); in a script it
 * is where the range says the database starts.
 */
public final class Migrate {
    private final CommandContext ctx;
    private final TargetResolver resolver;

    public Migrate(CommandContext ctx) {
        this.ctx = ctx;
        this.resolver = ctx.targets();
    }

    /** Brings the database to {@code target}. */
    public RunResult online(String target, Direction direction) {
        long t0 = System.nanoTime();
        resolver.checkBeforeConnecting(target, direction); // bad targets fail before connecting
        String where = ctx.database().describe();
        try {
            return SqlCall.wrap("lost the connection to " + where, () -> {
                try (RunInterruption stop = RunInterruption.watch(ctx.config().listener(), direction);
                     Connection c = ctx.database().connect()) {
                    stop.attach(c);
                    return underLock(c, stop, target, direction, t0);
                }
            });
        } catch (MigrationFailedException e) {
            LostConnectionRecord.write(e, direction, ctx.database(), ctx.store(), ctx.graph());
            throw e;
        } catch (SqlFailure f) {
            ReadOnlyDatabase.check(f, where);
            throw new dev.retort.ConnectionException("the database refused a bookkeeping statement on " + where + ": "
                    + f.serverMessage() + (f.statement() == null ? "" : " (" + f.statement().lines().findFirst().orElse("") + ")"), f);
        }
    }

    private RunResult underLock(Connection c, RunInterruption stop, String target, Direction direction, long t0) {
        JdbcSink sink = new JdbcSink(c);
        compileAhead(c, target, direction);
        MigrationGuard guard = RunLocks.guard(ctx, c);
        guard.stopWhen(stop::requested);
        try (AdvisoryLock lock = guard.pooled() ? null : RunLocks.lock(ctx, sink)) {
            List<MigrationStep> steps = new ArrayList<>();
            while (true) { // another runner moved the version table (possible without a session lock): plan again
                Set<String> applied = ctx.graph().ancestorsInclusive(ctx.checkedVersions(c));
                if (direction == Direction.UPGRADE && ctx.config().validateChecksums()) {
                    refuseEdited(c, applied);
                }
                Plan plan = plan(target, direction, applied);
                Map<String, MigrationBody> bodies = ctx.bodies().compile(plan);
                Set<String> after = after(plan);
                // compiled with the plan, so a broken repeatable stops the run before anything ran
                Map<String, MigrationBody> repeatable = direction == Direction.UPGRADE && Repeatables.due(ctx, after)
                        ? ctx.bodies().compile(Repeatables.plan(ctx.repeatables(), after)) : Map.of();
                if (direction == Direction.UPGRADE && !plan.isEmpty()) {
                    new Lint(ctx).beforeUpgrade(plan, serverMajor(c), bodies, c);
                }
                // tables created only when missing, so a read-only replica at head stays a no-op
                boolean tablesMissing = !plan.isEmpty() && (!ctx.store().exists(c) || !ctx.store().historyExists(c));
                MigrationExecutor executor = executor(ctx.config().listener(),
                        ctx.config().transactionPerMigration()).guardedBy(guard).watchedBy(stop);
                try {
                    steps.addAll(execute(plan, bodies, sink, executor, tablesMissing ? guard::ensureTables : null));
                    List<Revision> pending = repeatable.isEmpty() ? List.of() : Repeatables.pending(ctx, ctx.store().history(c));
                    if (!pending.isEmpty()) {
                        boolean missing = !ctx.store().exists(c) || !ctx.store().historyExists(c);
                        steps.addAll(execute(Repeatables.plan(pending, after), repeatable, sink, executor,
                                missing ? guard::ensureTables : null));
                    }
                    return new RunResult(steps, ctx.store().read(c), Duration.ofNanos(System.nanoTime() - t0));
                } catch (HeadsMoved moved) {
                    steps.addAll(moved.done());
                    ctx.config().listener().notice(moved.getMessage() + ": rolled back, planning again");
                }
            }
        }
    }

    /**
     * The SQL a run would send, without a database. {@code spec} is {@code TO} (upgrade from base,
     * creating the version tables) or {@code FROM:TO}.
     */
    public String sql(String spec, Direction direction) {
        Plan plan = resolver.scriptPlan(spec, direction, () -> LiveRevisions.read(ctx));
        Map<String, MigrationBody> bodies = ctx.bodies().compile(plan);
        StringBuilder out = new StringBuilder();
        ScriptSink sink = new ScriptSink(out);
        sink.comment("Retort " + direction.word() + " " + spec + " (generated; review before running)");
        boolean fromBase = plan.before().isEmpty() && direction == Direction.UPGRADE;
        try {
            MigrationExecutor executor = executor(RunListener.NONE, true);
            execute(plan, bodies, sink, executor, fromBase ? ctx.store()::ensureTables : null);
            Set<String> after = after(plan);
            if (direction == Direction.UPGRADE && Repeatables.due(ctx, after)) {
                if (!fromBase) {
                    sink.comment("Repeatable migrations: a script cannot know which of them changed since they last ran,"
                            + " so each one is here (Flyway's R__ files are written to run again)");
                }
                Plan repeatable = Repeatables.plan(ctx.repeatables(), after);
                execute(repeatable, ctx.bodies().compile(repeatable), sink, executor, null);
            }
        } catch (ScriptException e) {
            dev.retort.PartialScriptException partial = PartialScripts.of(e, out, plan, spec);
            throw partial != null ? partial : e;
        }
        return out.toString();
    }

    // the applied set once the plan has run
    private static Set<String> after(Plan plan) {
        Set<String> out = new java.util.HashSet<>(plan.before());
        for (Revision r : plan.steps()) {
            if (plan.direction() == Direction.UPGRADE) {
                out.add(r.id());
            } else {
                out.remove(r.id());
            }
        }
        return out;
    }

    private Plan plan(String target, Direction direction, Set<String> applied) {
        return resolver.plan(target, direction, applied);
    }

    // the common tail of both modes: the version tables when asked for, then the plan
    private static List<MigrationStep> execute(Plan plan, Map<String, MigrationBody> bodies, SqlSink sink,
                                               MigrationExecutor executor, TableCreation tables) {
        if (tables != null) {
            tables.ensure(sink);
        }
        return executor.run(plan, bodies, sink);
    }

    @FunctionalInterface
    private interface TableCreation {
        void ensure(SqlSink sink);
    }

    private MigrationExecutor executor(RunListener listener, boolean transactionPerMigration) {
        return new MigrationExecutor(ctx.dialect(), ctx.store(), ctx.graph(), listener, transactionPerMigration,
                ctx.config().steps());
    }

    private void refuseEdited(Connection c, Set<String> applied) {
        List<Revision> edited = AppliedChecksums.edited(ctx.graph(), ctx.store().history(c), applied);
        if (!edited.isEmpty()) {
            Revision e = edited.get(0);
            throw new ScriptException(e.file() + " (revision " + e.id() + ") was edited after it was applied"
                    + (edited.size() > 1 ? " (and " + (edited.size() - 1) + " more: see 'retort status')" : "")
                    + "; undo the edit, or accept the new text with 'retort stamp --update-checksums " + e.id() + "'");
        }
    }

    // what the run will most likely need, compiled before the lock is taken: a big script compiles for
    // seconds, and no other runner should wait behind that (under the lock, the bodies serve them again)
    private void compileAhead(Connection c, String target, Direction direction) {
        Plan plan;
        try {
            plan = plan(target, direction, ctx.graph().ancestorsInclusive(ctx.checkedVersions(c)));
        } catch (RuntimeException e) {
            return; // the run reports it under the lock, as before
        }
        for (Revision r : plan.steps()) {
            ctx.bodies().body(r);
        }
    }

    private static int serverMajor(Connection c) {
        try {
            return c.getMetaData().getDatabaseMajorVersion();
        } catch (java.sql.SQLException e) {
            return 17;
        }
    }
}
