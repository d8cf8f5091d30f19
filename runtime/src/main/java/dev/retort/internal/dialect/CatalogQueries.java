package dev.retort.internal.dialect;

/**
 * The pg_catalog queries behind a schema snapshot. Each returns (key, description) rows; every
 * query skips PostgreSQL's own schemas and the tables named in parameter-free {@code excluded}.
 */
public final class CatalogQueries {
    private CatalogQueries() {
    }

    private static String userSchemas(String column) {
        return column + " NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND " + column + " NOT LIKE 'pg\\_temp%'"
                + " AND " + column + " NOT LIKE 'pg\\_toast\\_temp%'";
    }

    private static String notExcluded(String relname, String excluded) {
        return excluded == null || excluded.isEmpty() ? "" : " AND " + relname + " NOT IN (" + excluded + ")";
    }

    /** Quoted, comma-separated table names for the {@code excluded} parameter. */
    public static String exclusionList(java.util.List<String> tables) {
        return String.join(", ", tables.stream().map(Literals::string).toList());
    }

    /** All the queries, in the order a snapshot runs them. */
    public static java.util.List<String> all(String excluded) {
        return java.util.List.of(
                "SELECT 'schema ' || nspname, '' FROM pg_namespace WHERE " + userSchemas("nspname") + " AND nspname <> 'public'",
                "SELECT CASE c.relkind WHEN 'r' THEN 'table ' WHEN 'p' THEN 'table ' WHEN 'v' THEN 'view ' WHEN 'm' THEN 'matview '"
                        + " WHEN 'S' THEN 'sequence ' ELSE 'relation ' END || n.nspname || '.' || c.relname,"
                        + " coalesce('comment: ' || obj_description(c.oid, 'pg_class'), '')"
                        + " || CASE WHEN c.relkind IN ('v', 'm') THEN ' ' || pg_get_viewdef(c.oid) ELSE '' END"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND " + userSchemas("n.nspname")
                        // an identity or serial column's sequence is part of its column
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))"
                        + notExcluded("c.relname", excluded),
                "SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname,"
                        + " format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END"
                        + " || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')"
                        + " || CASE a.attidentity WHEN 'd' THEN ' IDENTITY BY DEFAULT' WHEN 'a' THEN ' IDENTITY ALWAYS' ELSE '' END"
                        + " || coalesce(' comment: ' || col_description(c.oid, a.attnum), '')"
                        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm') AND "
                        + userSchemas("n.nspname")
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend dp WHERE dp.objid = c.oid AND dp.deptype = 'e')"
                        + notExcluded("c.relname", excluded),
                "SELECT 'index ' || n.nspname || '.' || ci.relname, pg_get_indexdef(i.indexrelid)"
                        + " || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END"
                        + " FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class ct ON ct.oid = i.indrelid"
                        + " JOIN pg_namespace n ON n.oid = ci.relnamespace WHERE " + userSchemas("n.nspname")
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend dp WHERE dp.objid = ct.oid AND dp.deptype = 'e')"
                        + notExcluded("ct.relname", excluded),
                "SELECT 'constraint ' || n.nspname || '.' || cl.relname || '.' || co.conname, pg_get_constraintdef(co.oid)"
                        + " || CASE WHEN co.convalidated THEN '' ELSE ' (not validated)' END"
                        + " FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace"
                        + " WHERE " + userSchemas("n.nspname")
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend dp WHERE dp.objid = cl.oid AND dp.deptype = 'e')"
                        + notExcluded("cl.relname", excluded),
                "SELECT 'enum ' || n.nspname || '.' || t.typname, string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)"
                        + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE " + userSchemas("n.nspname") + " GROUP BY n.nspname, t.typname",
                "SELECT 'extension ' || extname, extversion FROM pg_extension WHERE extname <> 'plpgsql'",
                "SELECT 'function ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',"
                        + " md5(pg_get_functiondef(p.oid)) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                        + " WHERE p.prokind IN ('f', 'p') AND " + userSchemas("n.nspname")
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')");
    }

    // ---- one schema, structured: what autogenerate compares ----------------------------------

    private static String ownRelations(String alias, String schema, String excluded) {
        return "n.nspname = " + Literals.string(schema)
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend dp WHERE dp.objid = " + alias + ".oid AND dp.deptype = 'e')"
                + notExcluded(alias + ".relname", excluded);
    }

    /** (table, comment) for each ordinary or partitioned table of {@code schema}. */
    public static String tables(String schema, String excluded) {
        return "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND " + ownRelations("c", schema, excluded) + " ORDER BY c.relname";
    }

    /** (table, column, type, not null, default, identity, serial, comment) in column order. */
    public static String columns(String schema, String excluded) {
        return "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
                + " a.attidentity, a.attidentity = '' AND pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname),"
                + " a.attname) IS NOT NULL, col_description(c.oid, a.attnum)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND "
                + ownRelations("c", schema, excluded) + " ORDER BY c.relname, a.attnum";
    }

    /**
     * (table, name, type p/u/c/f/x, definition, columns, referenced table, referenced columns, on delete, on update,
     * validated) for each table constraint.
     */
    public static String constraints(String schema, String excluded) {
        return "SELECT c.relname, co.conname, co.contype::text, pg_get_constraintdef(co.oid),"
                + " (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(co.conkey) WITH ORDINALITY k(n, i)"
                + "  JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n),"
                + " rc.relname,"
                + " (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(co.confkey) WITH ORDINALITY k(n, i)"
                + "  JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n),"
                + " co.confdeltype::text, co.confupdtype::text, co.convalidated"
                + " FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_class rc ON rc.oid = co.confrelid"
                + " WHERE co.contype IN ('p', 'u', 'c', 'f', 'x') AND " + ownRelations("c", schema, excluded)
                + " ORDER BY c.relname, co.conname";
    }

    /** (table, index, definition) for each index that does not belong to a constraint. */
    public static String indexes(String schema, String excluded) {
        return "SELECT c.relname, ci.relname, pg_get_indexdef(i.indexrelid)"
                + " FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))"
                + " AND c.relkind IN ('r', 'p', 'm') AND " + ownRelations("c", schema, excluded) + " ORDER BY ci.relname";
    }

    /** (enum, labels in order, comma-separated literals) for each enum type of {@code schema}. */
    public static String enums(String schema) {
        return "SELECT t.typname, array_to_string(array_agg(e.enumlabel ORDER BY e.enumsortorder), chr(1))"
                + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = " + Literals.string(schema)
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend dp WHERE dp.objid = t.oid AND dp.deptype = 'e')"
                + " GROUP BY t.typname ORDER BY t.typname";
    }

    /** (extension) for each installed extension but plpgsql. */
    public static String extensions() {
        return "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname";
    }
}
