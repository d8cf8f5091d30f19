package dev.retort.internal.dialect;

import dev.retort.ScriptException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;

/** Renders values as safe SQL literals (standard_conforming_strings is on in every supported server). */
public final class Literals {
    private Literals() {
    }

    /** The value as SQL text. */
    public static String render(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return string(value.toString());
            }
            return value.toString();
        }
        if (value instanceof CharSequence || value instanceof UUID || value instanceof TemporalAccessor
                || value instanceof Character || value instanceof Enum<?>) {
            return string(value.toString());
        }
        throw new ScriptException("cannot write a " + value.getClass().getSimpleName()
                + " value as SQL; use a string, number, boolean or null, or defaultSql/sql for an expression");
    }

    /** A string literal. */
    public static String string(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new ScriptException("a string value contains a NUL character, which PostgreSQL cannot store");
        }
        return "'" + s.replace("'", "''") + "'";
    }
}
