package dev.retort.internal.autogen;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

import static dev.retort.internal.autogen.DslWriter.INDENT;

/**
 * The Groovy DSL: {@code name arg, key: value}, {@code ['a']}, {@code [k: 1]}, single-quoted strings that never
 * interpolate.
 */
final class GroovySyntax extends DslSyntax {
    static final GroovySyntax INSTANCE = new GroovySyntax();

    // a map key Groovy reads as a string without quotes (keywords included: [default: 1] has the key 'default')
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private GroovySyntax() {
        super(new Punctuation(" ", "", ": ", "[", "]"));
    }

    /** '...' unless the text holds a quote; a double-quoted string only when it cannot interpolate. */
    @Override
    String lit(String s) {
        if (s.indexOf('\'') < 0 && s.indexOf('\\') < 0 && s.indexOf('\n') < 0) {
            return "'" + s + "'";
        }
        if (s.indexOf('"') < 0 && s.indexOf('$') < 0 && s.indexOf('\\') < 0 && s.indexOf('\n') < 0) {
            return '"' + s + '"';
        }
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    // statements on their own lines, in a triple-quoted string whose first line break is escaped
    @Override
    String block(String sql) {
        StringBuilder sb = new StringBuilder("'''\\\n");
        for (String l : sql.replace("\\", "\\\\").replace("'''", "\\'\\'\\'").split("\n")) {
            sb.append(INDENT).append(INDENT).append(l).append('\n');
        }
        return sb.append(INDENT).append("'''").toString();
    }

    @Override
    String verbatimSql(String sql) {
        return INDENT + "sql '''\\\n" + sql.replace("\\", "\\\\").replace("'''", "\\'\\'\\'") + "\n'''\n";
    }

    @Override
    String entry(String key, String value) {
        return named(BARE_KEY.matcher(key).matches() ? key : lit(key), value);
    }

    // [] would be an empty list
    @Override
    String map(List<String> entries) {
        return entries.isEmpty() ? "[:]" : list(entries);
    }

    /*
     * 123G is a BigInteger and 1.50 a BigDecimal of the same scale; a whole BigDecimal (10, scale 0) reads back as an
     * integer, which renders the same SQL. A Double needs its suffix, or it would be read as a BigDecimal.
     */
    @Override
    String number(Number n) {
        if (n instanceof BigInteger) {
            return n + "G";
        }
        return n instanceof BigDecimal ? n.toString() : n + "d";
    }
}
