package dev.retort.internal.lint;

import dev.retort.Revision;
import dev.retort.spi.ColumnDef;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What lint knows about types: one spelling for each, which changes PostgreSQL makes without a rewrite, which defaults are volatile. */
final class TypeRules {
    private static final Pattern VOLATILE = Pattern.compile(
            "(?i)\\b(random|clock_timestamp|timeofday|gen_random_uuid|uuid_generate_v[14]\\w*|nextval|txid_current)\\s*\\(");
    private static final Pattern CALL = Pattern.compile("(?i)(?<![\\w$.])([a-z_][\\w$]*(?:\\.[a-z_][\\w$]*)?)\\s*\\(");
    // functions PostgreSQL marks stable or immutable that defaults commonly use: one value for the whole ADD COLUMN
    private static final Set<String> NOT_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp", "current_date",
            "current_timestamp", "localtimestamp", "cast", "coalesce", "nullif", "greatest", "least", "lower", "upper", "array",
            "row", "interval", "make_interval", "jsonb_build_object", "json_build_object", "jsonb_build_array", "to_jsonb",
            "concat", "length", "abs", "round", "numeric", "varchar", "timestamptz", "timestamp", "int", "bigint", "text");
    private static final Pattern PRECISION = Pattern.compile("(timestamptz|timestamp|timetz|time|interval|varbit|varchar)(?:\\((\\d+)\\))?");

    private TypeRules() {
    }

    /** One spelling per type: lower case, single spaces, SQL-standard long names to PostgreSQL's short ones. */
    static String normalize(String type) {
        if (type == null) {
            return "";
        }
        String t = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*([(),])\\s*", "$1")
                .replaceAll("^pg_catalog\\.", "");
        t = t.replace("character varying", "varchar").replace("bit varying", "varbit").replace("double precision", "float8");
        t = t.replaceAll("^timestamp(\\(\\d+\\))? with time zone$", "timestamptz$1").replaceAll("^timestamp(\\(\\d+\\))? without time zone$", "timestamp$1");
        t = t.replaceAll("^time(\\(\\d+\\))? with time zone$", "timetz$1").replaceAll("^time(\\(\\d+\\))? without time zone$", "time$1");
        t = t.replaceAll("^decimal", "numeric").replaceAll("^(integer|int4)$", "int").replaceAll("^int8$", "bigint")
                .replaceAll("^int2$", "smallint").replaceAll("^character(\\(|$)", "char$1");
        return t;
    }

    /** True for char(n) / character(n) / bpchar. */
    static boolean isChar(String normalized) {
        return normalized.matches("(char|bpchar)(\\(\\d+\\))?");
    }

    /** Casts PostgreSQL does without rewriting the table (and, for a widening, without a scan). */
    static boolean safeCast(String from, String to) {
        if (from.equals(to) || from.equals("cidr") && to.equals("inet")) {
            return true;
        }
        if ((to.equals("text") || to.equals("varchar")) && (from.startsWith("varchar") || from.equals("text"))) {
            return true;
        }
        Matcher f = PRECISION.matcher(from);
        Matcher t = PRECISION.matcher(to);
        if (f.matches() && t.matches() && f.group(1).equals(t.group(1))) {
            // a limit or precision that grows or goes away
            return t.group(2) == null || f.group(2) != null && Integer.parseInt(t.group(2)) >= Integer.parseInt(f.group(2));
        }
        f = Pattern.compile("numeric\\((\\d+),(\\d+)\\)").matcher(from);
        t = Pattern.compile("numeric\\((\\d+),(\\d+)\\)").matcher(to);
        if (f.matches() && t.matches()) {
            return f.group(2).equals(t.group(2)) && Integer.parseInt(t.group(1)) >= Integer.parseInt(f.group(1));
        }
        f = Pattern.compile("numeric\\((\\d+)\\)").matcher(from);
        t = Pattern.compile("numeric\\((\\d+)\\)").matcher(to);
        if (f.matches() && t.matches()) {
            return Integer.parseInt(t.group(1)) >= Integer.parseInt(f.group(1));
        }
        return from.matches("numeric\\(.*\\)") && to.equals("numeric");
    }

    /** True when a USING expression only restates the cast ({@code col}, {@code col::type}, {@code CAST(col AS type)}). */
    static boolean trivialUsing(String using, String column) {
        if (using == null) {
            return true;
        }
        String u = using.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        String col = "\"?" + Pattern.quote(column.toLowerCase(Locale.ROOT)) + "\"?";
        return u.matches("\\(*" + col + "\\)*(\\s*::\\s*[\\w ]+(\\([\\d, ]+\\))?)?") || u.matches("cast\\s*\\(\\s*" + col + "\\s+as\\s+.+\\)");
    }

    /** The volatile (or possibly volatile: an unknown function) call in a default expression, or null. */
    static String volatileCall(String defaultSql) {
        if (defaultSql == null) {
            return null;
        }
        Matcher v = VOLATILE.matcher(defaultSql);
        if (v.find()) {
            return v.group(1);
        }
        String stripped = defaultSql.replaceAll("'(?:[^']|'')*'", "''");
        Matcher c = CALL.matcher(stripped);
        while (c.find()) {
            String fn = c.group(1).toLowerCase(Locale.ROOT);
            if (!NOT_VOLATILE.contains(fn.replaceFirst("^pg_catalog\\.", ""))) {
                return fn;
            }
        }
        return null;
    }

    /** True for serial types, whose nextval default fills every existing row with a new value. */
    static boolean isSerial(String normalized) {
        return normalized.matches("serial|serial4|serial8|bigserial|smallserial|serial2");
    }

    /** The type findings for a column as it is declared (json, timestamp without time zone, char). */
    static void findings(Revision r, int line, String table, ColumnDef c, List<Finding> out) {
        String t = normalize(c.type());
        if (t.equals("json")) {
            out.add(new Finding(r.id(), r.file(), line, Rule.JSON_TYPE, true, table + "." + c.name()));
        }
        if (t.equals("timestamp") || t.startsWith("timestamp(") || t.startsWith("timestamp without time zone")) {
            out.add(new Finding(r.id(), r.file(), line, Rule.TIMESTAMP_WITHOUT_TZ, true, table + "." + c.name()));
        }
        if (isChar(t)) {
            out.add(new Finding(r.id(), r.file(), line, Rule.CHAR_TYPE, true, table + "." + c.name()));
        }
    }
}
