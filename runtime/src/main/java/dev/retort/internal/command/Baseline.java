package dev.retort.internal.command;

import dev.retort.DslLanguage;
import dev.retort.SchemaSnapshot;
import dev.retort.ScriptException;
import dev.retort.internal.autogen.Catalog;
import dev.retort.internal.autogen.CatalogReader;
import dev.retort.internal.autogen.Change;
import dev.retort.internal.autogen.DslWriter;
import dev.retort.internal.autogen.SchemaDiff;
import dev.retort.internal.config.DatabaseUrl;
import dev.retort.internal.db.ScratchServer;
import dev.retort.internal.dialect.BaselineQueries;
import dev.retort.internal.sink.JdbcSink;
import dev.retort.spi.Operation;
import dev.retort.spi.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code revision --baseline-from URL}: one revision that builds a live database's schema from empty. DSL operations
 * for what the DSL says (enums, tables, constraints, indexes, extensions), raw SQL for the rest (sequences no column
 * owns first; then functions, views and triggers in the order they were created). Before anything is written, the
 * baseline is applied to a scratch database and its snapshot (and triggers) compared with the live one's: a
 * difference fails the command, naming it.
 */
public final class Baseline {
    private final CommandContext ctx;

    public Baseline(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** The upgrade body (in {@code language}) of the baseline of the configured (live) database, proven on a scratch database. */
    public String write(String scratchUrl, DslLanguage language) {
        String schema = ctx.config().schema();
        Map<String, Object> live = ctx.onDatabase("cannot read the schema of", c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("catalog", CatalogReader.read(c, schema, ctx.ownTables()));
            m.put("sequences", column(c, BaselineQueries.standaloneSequences(schema)));
            m.put("functions", column(c, BaselineQueries.functions(schema)));
            m.put("views", column(c, BaselineQueries.views(schema)));
            m.put("triggers", column(c, BaselineQueries.triggers(schema)));
            m.put("snapshot", SchemaSnapshot.take(c, ctx.ownTables()));
            return m;
        });
        Catalog catalog = (Catalog) live.get("catalog");
        Map<String, String> base = new LinkedHashMap<>();
        Catalog empty = new Catalog(schema, Map.of(), Map.of(), Map.of(), base);
        List<Change> changes = new ArrayList<>(SchemaDiff.between(empty, catalog, "nothing", "the database"));
        List<Operation> before = sqlOps(strings(live.get("sequences")), null);
        List<Operation> after = new ArrayList<>();
        List<String> functions = strings(live.get("functions"));
        if (!functions.isEmpty()) {
            after.add(new Sql(BaselineQueries.deferFunctionBodyChecks(), null));
        }
        after.addAll(sqlOps(functions, null));
        after.addAll(sqlOps(strings(live.get("views")), null));
        after.addAll(sqlOps(strings(live.get("triggers")), null));
        List<Change> all = new ArrayList<>();
        if (!before.isEmpty()) {
            all.add(new Change(Change.Stage.EXTENSIONS, "sequences", before, List.of(), null, false));
        }
        all.addAll(changes);
        if (!after.isEmpty()) {
            all.add(new Change(Change.Stage.MANUAL, "functions, views, triggers", after, List.of(), null, false));
        }
        prove(all, (SchemaSnapshot) live.get("snapshot"), strings(live.get("triggers")), scratchUrl, schema);
        StringBuilder out = new StringBuilder();
        for (Change c : all) {
            if (c.up().stream().allMatch(o -> o instanceof Sql)) {
                // raw SQL exactly as PostgreSQL printed it (no indentation added: a function body's whitespace is part of it)
                c.up().forEach(o -> out.append(DslWriter.verbatimSql(((Sql) o).sql(), language)));
            } else {
                out.append(DslWriter.upgrade(List.of(c), language));
            }
        }
        return out.toString();
    }

    // the baseline on an empty scratch database must give the live snapshot, triggers included
    private void prove(List<Change> all, SchemaSnapshot wanted, List<String> triggers, String scratchUrl, String schema) {
        try (ScratchServer server = ScratchServer.open(scratchUrl)) {
            DatabaseUrl url = server.createDatabase("scratch_baseline");
            SqlCall.wrap("lost the connection to a scratch database", () -> {
                try (Connection c = ScratchServer.connect(url)) {
                    c.setAutoCommit(false);
                    ScratchApply.upgrades(new JdbcSink(c), ctx.dialect(), all, (change, s, e) -> new ScriptException(
                            "the baseline fails on an empty scratch database at " + s.sql().lines().findFirst().orElse("") + ": "
                                    + String.valueOf(e.getCause().getMessage()).lines().findFirst().orElse("") + "; nothing was written", e));
                    c.commit();
                    List<String> differences = new ArrayList<>(wanted.diff(SchemaSnapshot.take(c, ctx.ownTables())));
                    List<String> built = column(c, BaselineQueries.triggers(schema));
                    triggers.stream().filter(t -> !built.contains(t)).forEach(t -> differences.add("- trigger " + t));
                    if (!differences.isEmpty()) {
                        throw new ScriptException("the baseline does not rebuild the database (+ only in the rebuilt one, - only in "
                                + "the database): " + String.join("; ", differences) + "; nothing was written");
                    }
                    return null;
                }
            });
        }
    }

    private static List<Operation> sqlOps(List<String> statements, String down) {
        return statements.stream().map(s -> (Operation) new Sql(s.strip(), down)).toList();
    }

    // the first column of each row (the sink, not this command, talks JDBC)
    private static List<String> column(Connection c, String query) {
        return new JdbcSink(c).query(query).stream().map(r -> String.valueOf(r[0])).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }
}
