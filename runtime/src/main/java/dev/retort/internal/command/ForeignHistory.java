package dev.retort.internal.command;

import dev.retort.ForeignHistoryRow;
import dev.retort.UsageException;
import dev.retort.internal.dialect.ForeignHistoryQueries;
import dev.retort.internal.sink.JdbcSink;

import java.util.List;
import java.util.function.Function;

/** Reads another tool's version table (Flyway's history, Alembic's heads) in the configured schema; writes nothing. */
public final class ForeignHistory {
    private final CommandContext ctx;

    public ForeignHistory(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Every row of Flyway's history table, oldest first. */
    public List<ForeignHistoryRow> flyway(String table) {
        return rows(table, "Flyway", ForeignHistoryQueries.flywayRows(ctx.config().schema(), table),
                r -> new ForeignHistoryRow(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], r[5] == null ? null : ((Number) r[5]).intValue(), Boolean.TRUE.equals(r[6])));
    }

    /** The revisions in Alembic's version table. */
    public List<String> alembic(String table) {
        return rows(table, "Alembic", ForeignHistoryQueries.alembicHeads(ctx.config().schema(), table), r -> String.valueOf(r[0]));
    }

    private <T> List<T> rows(String table, String tool, String query, Function<Object[], T> row) {
        return ctx.onDatabase("could not read " + table + " on", c -> {
            JdbcSink sink = new JdbcSink(c);
            requireTable(sink, table, tool);
            return sink.query(query).stream().map(row).toList();
        });
    }

    private void requireTable(JdbcSink sink, String table, String tool) {
        if (!sink.probe(ForeignHistoryQueries.exists(ctx.config().schema(), table))) {
            throw new UsageException("there is no " + tool + " table " + ctx.config().schema() + "." + table + " on "
                    + ctx.database().describe() + "; point --url (and --schema) at the database " + tool + " migrated");
        }
    }
}
