package dev.retort.internal.dialect;

import dev.retort.ScriptException;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.retort.internal.dialect.Identifiers.check;
import static dev.retort.internal.dialect.Identifiers.qualified;
import static dev.retort.internal.dialect.Identifiers.quote;

/**
 * The names and types an operation puts into SQL, checked and quoted here because what is safe in SQL text
 * is the dialect's call (the records check their own options, not PostgreSQL's grammar).
 */
final class Names {
    // type text: words, digits, parentheses, commas, brackets, dots, spaces; no quotes, semicolons or comments
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_ ,.()\\[\\]]*");

    private Names() {
    }

    /** A table (or other relation) in an optional schema; a null schema and a dotted name means {@code schema.table}. */
    static String table(String schema, String name) {
        if (schema == null && name != null && name.indexOf('.') > 0) {
            return tableRef(name);
        }
        return qualified(schema == null ? null : check("schema", schema), check("table", name));
    }

    /** {@code 'table'} or {@code 'schema.table'}. */
    static String tableRef(String ref) {
        int dot = ref.indexOf('.');
        if (dot < 0) {
            return quote(check("table", ref));
        }
        return qualified(check("schema", ref.substring(0, dot)), check("table", ref.substring(dot + 1)));
    }

    /** Column names, quoted and comma-separated. */
    static String columns(List<String> cols) {
        return cols.stream().map(c -> quote(check("column", c))).collect(Collectors.joining(", "));
    }

    /** A PostgreSQL type name as given, once it is known to carry nothing but a type. */
    static String type(String type) {
        if (type == null || !TYPE.matcher(type).matches() || type.contains("--")) {
            throw new ScriptException("column type '" + type + "' is not a PostgreSQL type name");
        }
        return type;
    }

    /** A column name, checked and quoted. */
    static String column(String name) {
        return quote(check("column", name));
    }

    /** A constraint name, checked and quoted. */
    static String constraint(String name) {
        return quote(check("constraint", name));
    }
}
