package dev.retort.internal.dialect;

/** The queries that read another tool's version tables (Flyway's, Alembic's) when Retort takes a database over. */
public final class ForeignHistoryQueries {
    private ForeignHistoryQueries() {
    }

    /** One row, {@code present}: whether {@code schema.table} exists. */
    public static String exists(String schema, String table) {
        return "SELECT to_regclass(" + Literals.string(Identifiers.qualified(schema, table)) + ") IS NOT NULL AS present";
    }

    /** Flyway's history, oldest first: rank, version, description, type, script, checksum, success. */
    public static String flywayRows(String schema, String table) {
        return "SELECT installed_rank, version, description, type, script, checksum, success FROM "
                + Identifiers.qualified(schema, table) + " ORDER BY installed_rank";
    }

    /** Alembic's heads. */
    public static String alembicHeads(String schema, String table) {
        return "SELECT version_num FROM " + Identifiers.qualified(schema, table) + " ORDER BY version_num";
    }
}
