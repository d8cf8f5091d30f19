package dev.retort.internal.dialect;

/**
 * What a baseline writes as raw SQL, read from a live database's catalog: the definitions PostgreSQL itself prints
 * (pg_get_functiondef, pg_get_viewdef, pg_get_triggerdef), in creation (oid) order, which is an order that applied
 * once. Extension members are left out.
 */
public final class BaselineQueries {
    private BaselineQueries() {
    }

    private static String in(String schema) {
        return "n.nspname = " + Literals.string(schema);
    }

    /** One column: CREATE SEQUENCE for each sequence no column owns. */
    public static String standaloneSequences(String schema) {
        String name = "quote_ident(n.nspname) || '.' || quote_ident(c.relname)";
        return "SELECT 'CREATE SEQUENCE ' || " + name + " || ' AS ' || format_type(s.seqtypid, NULL)"
                + " || ' INCREMENT BY ' || s.seqincrement || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax"
                + " || ' START WITH ' || s.seqstart || ' CACHE ' || s.seqcache || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END"
                + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + in(schema) + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
                + " AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e')) ORDER BY c.oid";
    }

    /** One column: each function's and procedure's CREATE statement. */
    public static String functions(String schema) {
        return "SELECT pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE p.prokind IN ('f', 'p') AND " + in(schema)
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') ORDER BY p.oid";
    }

    /** One column: each view's and materialized view's CREATE statement. */
    public static String views(String schema) {
        return "SELECT CASE c.relkind WHEN 'm' THEN 'CREATE MATERIALIZED VIEW ' ELSE 'CREATE VIEW ' END"
                + " || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' AS ' || rtrim(pg_get_viewdef(c.oid), ';')"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND " + in(schema)
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') ORDER BY c.oid";
    }

    /** One column: each trigger's CREATE statement (not the internal ones of constraints). */
    public static String triggers(String schema) {
        return "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND " + in(schema) + " ORDER BY t.oid";
    }

    /** The statement that lets functions be created before what their bodies use. */
    public static String deferFunctionBodyChecks() {
        return "SET LOCAL check_function_bodies = false";
    }
}
