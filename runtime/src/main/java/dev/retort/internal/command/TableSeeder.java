package dev.retort.internal.command;

import dev.retort.RunListener;
import dev.retort.internal.dialect.LockQueries;
import dev.retort.internal.dialect.SeedSql;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.SqlFailure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code verify --seed-rows N}: before a migration is measured, each table that exists and was not filled yet gets N
 * generated rows (parents before the tables that reference them), then ANALYZE, so that the scans and rewrites the
 * measurement sees cost what they would on a table with data. A table the seeder cannot fill (a CHECK it does not
 * satisfy, a type it has no values for) is named in a notice and left as it is.
 */
final class TableSeeder {
    private final long rows;
    private final Set<String> ignored;
    private final RunListener listener;
    private final Set<String> done = new HashSet<>();

    TableSeeder(long rows, Set<String> ignored, RunListener listener) {
        this.rows = rows;
        this.ignored = ignored;
        this.listener = listener;
    }

    /** Fills the tables not filled yet; the sink must be outside a transaction (each table is its own). */
    void seed(SqlSink sink) {
        Map<String, List<SeedSql.Column>> tables = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (Object[] r : sink.query(LockQueries.seedColumns())) {
            String key = r[0] + "." + r[1];
            if (ignored.contains(key) || done.contains(key)) {
                continue;
            }
            names.putIfAbsent(key, new String[] {(String) r[0], (String) r[1]});
            tables.computeIfAbsent(key, k -> new ArrayList<>()).add(new SeedSql.Column((String) r[2], (String) r[3],
                    (Boolean) r[4], (Boolean) r[5], (Boolean) r[6], (Boolean) r[7], (String) r[8], (Boolean) r[9],
                    (String) r[10], (String) r[11], (String) r[12]));
        }
        if (tables.isEmpty()) {
            return;
        }
        for (String key : parentsFirst(tables)) {
            done.add(key);
            String[] n = names.get(key);
            try {
                sink.execute(SeedSql.insert(n[0], n[1], tables.get(key), rows));
            } catch (IllegalArgumentException | SqlFailure e) {
                String why = e instanceof SqlFailure f ? f.serverMessage().replaceFirst("^ERROR: ", "") : e.getMessage();
                listener.notice("--seed-rows: " + key + " left empty: " + why.lines().findFirst().orElse(""));
            }
        }
        sink.execute(LockQueries.analyze());
    }

    // a table comes after every table its foreign keys reference (a cycle is broken where it is found)
    private static List<String> parentsFirst(Map<String, List<SeedSql.Column>> tables) {
        List<String> out = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        for (String t : tables.keySet()) {
            visit(t, tables, visiting, out);
        }
        return out;
    }

    private static void visit(String t, Map<String, List<SeedSql.Column>> tables, Set<String> visiting, List<String> out) {
        if (out.contains(t) || !visiting.add(t)) {
            return;
        }
        for (SeedSql.Column c : tables.get(t)) {
            String parent = c.parentTable() == null ? null : c.parentSchema() + "." + c.parentTable();
            if (parent != null && tables.containsKey(parent)) {
                visit(parent, tables, visiting, out);
            }
        }
        out.add(t);
    }
}
