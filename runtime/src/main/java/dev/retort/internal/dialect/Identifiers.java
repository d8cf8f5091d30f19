package dev.retort.internal.dialect;

import dev.retort.ConfigException;
import dev.retort.ScriptException;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place identifiers are validated and quoted. Only plain names are accepted, so no SQL
 * can travel through a table or column name; they are quoted when PostgreSQL needs it.
 */
public final class Identifiers {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final Pattern LOWER = Pattern.compile("[a-z_][a-z0-9_$]*");
    // PostgreSQL's reserved key words (appendix C), the ones that cannot be a bare column or table name
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
            "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left",
            "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on",
            "only", "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right",
            "select", "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then",
            "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where",
            "window", "with");

    private Identifiers() {
    }

    /** True when {@code name} is a plain identifier. */
    public static boolean isPlain(String name) {
        return name != null && PLAIN.matcher(name).matches();
    }

    /** Checks a configured name; the message names the setting. */
    public static void requireName(String setting, String name) {
        if (!isPlain(name)) {
            throw new ConfigException(setting + ": '" + name + "' is not a plain name (letters, digits, _; at most 63)");
        }
    }

    /** Checks a name given to an operation; the message says what kind of name it is. */
    public static String check(String what, String name) {
        if (!isPlain(name)) {
            throw new ScriptException(what + " name '" + name
                    + "' is not a plain identifier (letters, digits, _, at most 63); use sql '...' for anything else");
        }
        return name;
    }

    /** The name as SQL: bare when PostgreSQL would read it back unchanged, else double-quoted. */
    public static String quote(String name) {
        if (LOWER.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** An extension name: like an identifier, but hyphens are allowed ({@code uuid-ossp}). */
    public static String extension(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_-]{0,62}")) {
            throw new ScriptException("extension name '" + name + "' is not a plain name");
        }
        return name.contains("-") ? '"' + name + '"' : quote(name);
    }

    /** {@code schema.name} quoted, or just the name when schema is null. */
    public static String qualified(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }
}
