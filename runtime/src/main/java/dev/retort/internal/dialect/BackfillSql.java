package dev.retort.internal.dialect;

import dev.retort.spi.Backfill;

import static dev.retort.internal.dialect.Identifiers.check;
import static dev.retort.internal.dialect.Identifiers.quote;
import static dev.retort.internal.dialect.Names.table;

/**
 * A backfill's SQL: online, the queries the runner sends batch by batch; with {@code --sql}, one DO block
 * ({@link OfflineBackfill}) that walks the key the same way.
 */
public final class BackfillSql {
    private BackfillSql() {
    }

    /** The primary key columns of a table, in key order (one text column per row). */
    public static String primaryKeyColumns(String schema, String table) {
        return "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                + " WHERE i.indrelid = " + Literals.string(table(schema, table)) + "::regclass AND i.indisprimary"
                + " ORDER BY array_position(i.indkey::int2[], a.attnum)";
    }

    /** Fresh statistics for a table (sampled; blocks no reads or writes). */
    public static String analyze(String schema, String table) {
        return "ANALYZE " + table(schema, table);
    }

    /** How many rows a backfill still has to do. */
    public static String remaining(Backfill b) {
        return "SELECT count(*) FROM " + table(b.schema(), b.table()) + (b.where() == null ? "" : " WHERE " + b.where());
    }

    /**
     * One keyset batch on the primary key: the first batch takes no parameter; later ones take the last
     * key done as parameters 1 and 2. The batch is a key range (last, hi], so the UPDATE walks the
     * primary key index instead of joining the whole table. Returns one row: the last key and the count.
     */
    public static String batch(Backfill b, String keyColumn, boolean first) {
        String t = table(b.schema(), b.table());
        String k = quote(check("column", keyColumn));
        String where = b.where() == null ? "" : " AND (" + JdbcPlaceholders.escape(b.where()) + ")";
        String after = first ? "TRUE" : k + " > ?";
        return "WITH retort_bounds AS (SELECT max(" + k + ") AS retort_hi FROM (SELECT " + k + " FROM " + t + " WHERE " + after
                + where + " ORDER BY " + k + " LIMIT " + b.batchSize() + ") retort_batch),"
                + " done AS (UPDATE " + t + " SET " + JdbcPlaceholders.escape(b.set()) + " FROM retort_bounds WHERE " + (first ? "" : t + "." + k + " > ? AND ")
                + t + "." + k + " <= retort_bounds.retort_hi" + where + " RETURNING " + t + "." + k + ")"
                + " SELECT max(" + k + "), count(*) FROM done";
    }

    // --sql form of a backfill: a DO block that commits after each batch (PostgreSQL 11+), so it too
    // must run outside a transaction block
    static String offlineScript(Backfill b) {
        return OfflineBackfill.render(b, table(b.schema(), b.table()));
    }
}
