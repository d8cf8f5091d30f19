package dev.retort.internal.autogen;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.retort.internal.autogen.DslWriter.INDENT;

/** The pieces of a DSL line in one language's syntax: literals that never interpolate, named options, lists. */
final class DslText {
    private final DslSyntax syntax;

    DslText(DslSyntax syntax) {
        this.syntax = syntax;
    }

    DslSyntax syntax() {
        return syntax;
    }

    /** ", key: value" for each option that is set, in the map's order. */
    String options(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        options.forEach((k, v) -> {
            if (v != null) {
                sb.append(", ").append(syntax.named(k, value(v)));
            }
        });
        return sb.toString();
    }

    private String value(Object v) {
        if (v instanceof List<?> l) {
            return list(l.stream().map(Object::toString).toList());
        }
        if (v instanceof Boolean || v instanceof Number) {
            return v.toString();
        }
        return lit(v.toString());
    }

    String schema(String schema) {
        return schema == null ? "" : ", " + syntax.named("schema", lit(schema));
    }

    String named(String key, String value) {
        return ", " + syntax.named(key, lit(value));
    }

    /** A flag option for {@link #options}: written only when set, since false is the DSL's default. */
    static Boolean ifSet(boolean flag) {
        return flag ? Boolean.TRUE : null;
    }

    /** ", key: true" for a flag that is set; nothing for one that is not (false is the DSL's default). */
    String flag(String key, boolean set) {
        return set ? ", " + syntax.named(key, "true") : "";
    }

    String list(List<String> values) {
        return syntax.list(values.stream().map(this::lit).toList());
    }

    String lit(String s) {
        return syntax.lit(s);
    }

    /** bulkInsert's rows, a map each on its own line, the columns in each row's order. */
    String rows(List<Map<String, Object>> rows) {
        List<String> written = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<String> entries = new ArrayList<>();
            row.forEach((column, v) -> entries.add(syntax.entry(column, datum(column, v))));
            written.add(syntax.map(entries));
        }
        return syntax.listLines(written);
    }

    /*
     * A value of a row, written so that the script renders the SQL literal the record renders (dialect.Literals).
     * Where both languages have a literal of the value's type the script's record holds the same value; otherwise the
     * closest literal that renders the same: a Short or Byte as an int, and what is rendered as a quoted string
     * (a UUID, a date or time, a char, an enum constant, a NaN or infinite number) as that string.
     */
    private String datum(String column, Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return v.toString();
        }
        if (v instanceof Long l) {
            // -9223372036854775808L is out of range in Kotlin: the minus is not part of the literal
            return l == Long.MIN_VALUE ? "Long.MIN_VALUE" : l + "L";
        }
        if ((v instanceof Double || v instanceof Float) && !Double.isFinite(((Number) v).doubleValue())) {
            return lit(v.toString());
        }
        if (v instanceof Float) {
            return v + "f";
        }
        if (v instanceof Double || v instanceof BigDecimal || v instanceof BigInteger) {
            return syntax.number((Number) v);
        }
        if (v instanceof CharSequence || v instanceof UUID || v instanceof TemporalAccessor || v instanceof Character
                || v instanceof Enum<?>) {
            return lit(v.toString());
        }
        throw new IllegalArgumentException("bulkInsert: cannot write the " + v.getClass().getSimpleName() + " value of column '"
                + column + "' as DSL text; a value is a string, number, boolean, null, UUID, date or time");
    }

    /** One call on its own line of a block. */
    String line(String name, String args) {
        return line(syntax.call(name, args));
    }

    static String line(String text) {
        return INDENT + text + "\n";
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
