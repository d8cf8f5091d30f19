package dev.retort.internal.command;

import dev.retort.ConnectionException;
import dev.retort.Revision;
import dev.retort.RunResult;
import dev.retort.internal.dialect.BookkeepingSql;
import dev.retort.internal.exec.AdvisoryLock;
import dev.retort.internal.history.HistoryEntry;
import dev.retort.internal.history.ReadOnlyDatabase;
import dev.retort.internal.history.VersionStore;
import dev.retort.internal.sink.JdbcSink;
import dev.retort.internal.sink.ScriptSink;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.SqlFailure;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sets the version table without running migrations, on a database or as an SQL script. Each target
 * replaces the rows on its own line ({@code TargetResolver.stampRows}); other branches stay, unless purged.
 */
public final class Stamp {
    private final CommandContext ctx;

    public Stamp(CommandContext ctx) {
        this.ctx = ctx;
    }

    public RunResult online(List<String> targets, boolean purge) {
        long t0 = System.nanoTime();
        ctx.targets().stampRows(targets, List.of()); // a bad target fails before connecting
        try {
            return ctx.onDatabase("lost the connection to", c -> {
                JdbcSink sink = new JdbcSink(c);
                try (AdvisoryLock lock = RunLocks.lock(ctx, sink)) {
                    List<String> rows = purge ? ctx.store().read(c) : ctx.checkedVersions(c);
                    List<String> after = ctx.targets().stampRows(targets, purge ? List.of() : rows);
                    Set<String> ids = new HashSet<>(after);
                    ids.removeAll(rows);
                    ctx.store().ensureTables(sink);
                    write(sink, purge ? null : rows, after, ctx.graph().sorted(ids, false), 0L, purge ? "purged" : null);
                    return new RunResult(List.of(), ctx.store().read(c), Duration.ofNanos(System.nanoTime() - t0));
                }
            });
        } catch (SqlFailure f) {
            ReadOnlyDatabase.check(f, ctx.database().describe());
            throw new ConnectionException("the database refused to stamp on " + ctx.database().describe() + ": "
                    + f.serverMessage(), f);
        }
    }

    /**
     * Records the repeatable migrations {@code ids} as run with their current text, without running them (another
     * tool ran that text): the next upgrade runs them only once their text changes. The version table stays.
     */
    public List<String> repeatables(List<String> ids) {
        List<Revision> stamped = new java.util.ArrayList<>();
        for (String id : ids) {
            stamped.add(ctx.repeatables().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() ->
                    new dev.retort.UsageException("'" + id + "' is not a repeatable migration here; "
                            + "repeatables: " + ctx.repeatables().stream().map(Revision::id).toList())));
        }
        if (stamped.isEmpty()) {
            return List.of();
        }
        try {
            return ctx.onDatabase("lost the connection to", c -> {
                JdbcSink sink = new JdbcSink(c);
                try (AdvisoryLock lock = RunLocks.lock(ctx, sink)) {
                    ctx.store().ensureTables(sink, c);
                    sink.begin();
                    for (Revision r : stamped) {
                        ctx.store().record(sink, new HistoryEntry(r.id(), dev.retort.HistoryRow.Action.STAMP, r.checksum(),
                                r.message(), null, null, 0L, true, "repeatable, run by another tool"));
                    }
                    sink.commit();
                    return ids;
                }
            });
        } catch (SqlFailure f) {
            ReadOnlyDatabase.check(f, ctx.database().describe());
            throw new ConnectionException("the database refused to stamp on " + ctx.database().describe() + ": "
                    + f.serverMessage(), f);
        }
    }

    /** The SQL that stamps {@code targets}, without a database: the version table is rewritten whole. */
    public String sql(List<String> targets) {
        List<String> heads = ctx.targets().stampRows(targets, List.of());
        StringBuilder out = new StringBuilder();
        ScriptSink sink = new ScriptSink(out);
        sink.comment("Retort stamp " + String.join(" ", targets) + " (generated; review before running)");
        ctx.store().ensureTables(sink);
        write(sink, null, heads, heads.stream().map(ctx.graph()::get).toList(), null, null);
        return out.toString();
    }

    // one transaction: the rows moved from {@code rows} (null: the table emptied first) to {@code after},
    // and a history row for each stamped revision
    private void write(SqlSink sink, List<String> rows, List<String> after, List<Revision> stamped, Long durationMs,
                       String detail) {
        VersionStore store = ctx.store();
        sink.begin();
        if (rows == null) {
            sink.execute(BookkeepingSql.deleteAllVersions(ctx.config().schema(), ctx.config().versionTable()));
            store.moveHeads(sink, List.of(), after);
        } else {
            store.moveHeads(sink, rows, after);
        }
        for (Revision r : stamped) {
            store.record(sink, new HistoryEntry(r.id(), dev.retort.HistoryRow.Action.STAMP, r.checksum(), r.message(), null, null, durationMs, true, detail));
        }
        sink.commit();
    }
}
