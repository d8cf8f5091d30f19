package dev.retort.internal.dialect;

import java.util.List;

/**
 * The catalog queries behind measured locks ({@code verify --locks}) and the blocker pre-flight: the relation locks
 * a backend holds, each user table's file (a new relfilenode means the statement rewrote it) and row estimate, and the
 * sessions that would make a strong lock wait.
 */
public final class LockQueries {
    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
            + " AND n.nspname NOT LIKE 'pg\\_temp%'";

    private LockQueries() {
    }

    /** The granted locks this backend holds on user tables. Columns: schema, table, mode (e.g. AccessExclusiveLock). */
    public static String heldLocks() {
        return locksOf("pg_backend_pid()");
    }

    /** The same for another backend (a side connection samples a statement that runs outside a transaction). */
    public static String heldLocksOf(int pid) {
        return locksOf(Integer.toString(pid));
    }

    private static String locksOf(String pid) {
        return "SELECT n.nspname, c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE l.pid = " + pid + " AND l.granted"
                + " AND l.locktype = 'relation' AND c.relkind IN ('r', 'p', 'm') AND " + USER_SCHEMAS;
    }

    /** Every user table's file and estimated rows. Columns: schema, table, relfilenode (bigint), rows (bigint, 0 if unknown). */
    public static String tableFiles() {
        return "SELECT n.nspname, c.relname, c.relfilenode::bigint, greatest(c.reltuples, 0)::bigint FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND " + USER_SCHEMAS + " ORDER BY 1, 2";
    }

    /** Fresh row estimates for the planner and for {@link #tableFiles()}. */
    public static Statement analyze() {
        return Statement.of("ANALYZE");
    }

    /**
     * What a seeder needs to know of each column of each user table, in column order. Columns: schema, table, column,
     * type (format_type), not null, has a default, filled by the server (identity, serial or generated), enum,
     * type category (pg_type.typcategory), in a unique index, and for a one-column foreign key the referenced schema,
     * table and column (else nulls).
     */
    public static String seedColumns() {
        return "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef,"
                + " (a.attidentity <> '' OR a.attgenerated <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false)),"
                + " t.typtype = 'e', t.typcategory::text,"
                + " EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND a.attnum = ANY (i.indkey)),"
                + " fk.pschema, fk.ptable, fk.pcolumn"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " LEFT JOIN LATERAL (SELECT fn.nspname AS pschema, fc.relname AS ptable, fa.attname AS pcolumn FROM pg_constraint k"
                + " JOIN pg_class fc ON fc.oid = k.confrelid JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
                + " JOIN pg_attribute fa ON fa.attrelid = k.confrelid AND fa.attnum = k.confkey[1]"
                + " WHERE k.contype = 'f' AND k.conrelid = c.oid AND cardinality(k.conkey) = 1 AND k.conkey[1] = a.attnum LIMIT 1) fk ON true"
                + " WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND " + USER_SCHEMAS
                + " ORDER BY n.nspname, c.relname, a.attnum";
    }

    /** The lock modes that conflict with {@code mode} (PostgreSQL's table 13.2). */
    public static List<String> conflicting(String mode) {
        return switch (mode) {
            case "AccessExclusiveLock" -> List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock",
                    "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");
            case "ShareLock" -> List.of("RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareRowExclusiveLock", "ExclusiveLock",
                    "AccessExclusiveLock");
            default -> throw new IllegalArgumentException("no conflict table for " + mode);
        };
    }

    /**
     * The other sessions of this database that would make a {@code mode} lock on the table wait, or that have held a
     * transaction open longer than {@code maxAgeMs} (idle in transaction included), oldest first. Columns: pid,
     * application_name, state, transaction age in milliseconds, the first 80 characters of the query, holds a conflicting
     * lock on the table (boolean).
     */
    public static String blockers(String schema, String table, String mode, long maxAgeMs) {
        String holds = "EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'relation' AND l.granted"
                + " AND l.relation = to_regclass(" + Literals.string(Identifiers.qualified(schema, table)) + ") AND l.mode IN ("
                + String.join(", ", conflicting(mode).stream().map(Literals::string).toList()) + "))";
        return "SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.state, ''),"
                + " coalesce((extract(epoch FROM now() - a.xact_start) * 1000)::bigint, 0), left(coalesce(a.query, ''), 80), " + holds
                + " FROM pg_stat_activity a WHERE a.pid <> pg_backend_pid() AND a.datname = current_database()"
                + " AND a.xact_start IS NOT NULL AND (" + holds + " OR now() - a.xact_start > interval '" + maxAgeMs + " milliseconds')"
                + " ORDER BY a.xact_start";
    }

    private static final java.util.regex.Pattern SESSION_ONLY = java.util.regex.Pattern.compile("(?is)\\s*(SET|RESET)\\s.*");

    /** True for a SET or RESET: it changes only the session (the runner's timeouts), so a lock report leaves it out. */
    public static boolean changesOnlySession(String sql) {
        return SESSION_ONLY.matcher(sql).matches();
    }
}
