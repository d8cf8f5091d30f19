package dev.retort.internal.dialect;

import java.util.List;

/**
 * The pg_catalog queries behind a catalog: what autogenerate compares and a schema snapshot describes. Each
 * reads one schema, or every user schema when {@code schema} is null (PostgreSQL's own schemas never), and
 * leaves out extension members and the tables named in parameter-free {@code excluded}. The first column of
 * every row but an extension's is the schema.
 */
public final class CatalogQueries {
    private CatalogQueries() {
    }

    /** Quoted, comma-separated table names for the {@code excluded} parameter. */
    public static String exclusionList(List<String> tables) {
        return String.join(", ", tables.stream().map(Literals::string).toList());
    }

    private static String inScope(String schema) {
        if (schema != null) {
            return "n.nspname = " + Literals.string(schema);
        }
        return "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg\\_temp%'"
                + " AND n.nspname NOT LIKE 'pg\\_toast\\_temp%'";
    }

    private static String notExtensionMember(String oid) {
        return " AND NOT EXISTS (SELECT 1 FROM pg_depend dp WHERE dp.objid = " + oid + " AND dp.deptype = 'e')";
    }

    private static String ownRelations(String alias, String schema, String excluded) {
        return inScope(schema) + notExtensionMember(alias + ".oid")
                + (excluded == null || excluded.isEmpty() ? "" : " AND " + alias + ".relname NOT IN (" + excluded + ")");
    }

    /** (schema) for each schema in scope. */
    public static String schemas(String schema) {
        return "SELECT n.nspname FROM pg_namespace n WHERE " + inScope(schema) + " ORDER BY n.nspname";
    }

    /**
     * (schema, relation, relkind, is a partition, comment, view query) for each table, view, materialized view and
     * sequence; a sequence an identity or serial column owns is part of its column, so it is left out.
     */
    public static String relations(String schema, String excluded) {
        return "SELECT n.nspname, c.relname, c.relkind::text, c.relispartition, obj_description(c.oid, 'pg_class'),"
                + " CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND " + ownRelations("c", schema, excluded)
                + " AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))"
                + " ORDER BY n.nspname, c.relname";
    }

    /** (schema, relation, column, type, not null, default, identity, serial, comment) in column order. */
    public static String columns(String schema, String excluded) {
        return "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid), a.attidentity::text,"
                + " a.attidentity = '' AND c.relkind IN ('r', 'p')"
                + " AND pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) IS NOT NULL,"
                + " col_description(c.oid, a.attnum)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm') AND "
                + ownRelations("c", schema, excluded) + " ORDER BY n.nspname, c.relname, a.attnum";
    }

    /**
     * (schema, relation, name, contype, definition, columns, referenced table, referenced columns, on delete,
     * on update, validated) for each constraint of a relation.
     */
    public static String constraints(String schema, String excluded) {
        return "SELECT n.nspname, c.relname, co.conname, co.contype::text, pg_get_constraintdef(co.oid),"
                + " (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(co.conkey) WITH ORDINALITY k(n, i)"
                + "  JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n),"
                + " rc.relname,"
                + " (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(co.confkey) WITH ORDINALITY k(n, i)"
                + "  JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n),"
                + " co.confdeltype::text, co.confupdtype::text, co.convalidated"
                + " FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_class rc ON rc.oid = co.confrelid"
                + " WHERE " + ownRelations("c", schema, excluded) + " ORDER BY n.nspname, c.relname, co.conname";
    }

    /** (schema, relation, index, definition, valid, belongs to a constraint) for each index. */
    public static String indexes(String schema, String excluded) {
        return "SELECT n.nspname, c.relname, ci.relname, pg_get_indexdef(i.indexrelid), i.indisvalid,"
                + " EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))"
                + " FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + ownRelations("c", schema, excluded) + " ORDER BY n.nspname, ci.relname";
    }

    /** (schema, enum, labels in order joined by chr(1)) for each enum type. */
    public static String enums(String schema) {
        return "SELECT n.nspname, t.typname, array_to_string(array_agg(e.enumlabel ORDER BY e.enumsortorder), chr(1))"
                + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE " + inScope(schema) + notExtensionMember("t.oid")
                + " GROUP BY n.nspname, t.typname ORDER BY n.nspname, t.typname";
    }

    /** (schema, name(arguments), hash of the definition) for each function and procedure. */
    public static String functions(String schema) {
        return "SELECT n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', md5(pg_get_functiondef(p.oid))"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE p.prokind IN ('f', 'p') AND " + inScope(schema) + notExtensionMember("p.oid")
                + " ORDER BY n.nspname, 2";
    }

    /** (extension, version) for each installed extension but plpgsql. */
    public static String extensions() {
        return "SELECT extname, extversion FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname";
    }

    /** An extension's installed version, or 'available', or no row when the server lacks it. */
    public static String extensionState(String name) {
        return "SELECT coalesce(installed_version, 'available') FROM pg_available_extensions WHERE name = " + Literals.string(name);
    }

    /**
     * (schema, name, reltuples, total bytes, relpages, table) for every table, partitioned table and materialized view
     * the session's search_path shows, and for every visible index the same numbers of its table (so a DROP INDEX is
     * weighed by the table it locks). reltuples is the planner's estimate; -1 on PostgreSQL 14+ (0 before) when the
     * table was never vacuumed or analyzed, which the reader then counts with {@link #boundedCount}.
     */
    public static String tableSizes() {
        String visible = " AND n.nspname NOT IN ('pg_catalog', 'information_schema')";
        return "SELECT n.nspname, c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid), c.relpages, c.relname"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p', 'm') AND pg_table_is_visible(c.oid)" + visible
                + " UNION ALL SELECT n.nspname, ci.relname, c.reltuples::bigint, pg_total_relation_size(c.oid), c.relpages, c.relname"
                + " FROM pg_index x JOIN pg_class ci ON ci.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE pg_table_is_visible(ci.oid)" + visible;
    }

    /** The rows of one table, counting no further than {@code limit}: reads at most that many rows. */
    public static String boundedCount(String schema, String table, long limit) {
        return "SELECT count(*) FROM (SELECT 1 FROM ONLY " + Identifiers.qualified(schema, table) + " LIMIT " + limit + ") s";
    }
}
