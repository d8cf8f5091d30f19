package dev.retort.internal.autogen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.retort.internal.autogen.DslWriter.INDENT;

/** The pieces of a DSL line: Groovy literals that never interpolate, named options, lists, a triple-quoted block. */
final class DslText {
    private DslText() {
    }

    static String options(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        options.forEach((k, v) -> {
            if (v != null) {
                sb.append(", ").append(k).append(": ").append(value(v));
            }
        });
        return sb.toString();
    }

    private static String value(Object v) {
        if (v instanceof List<?> l) {
            return list(l.stream().map(Object::toString).toList());
        }
        if (v instanceof Boolean || v instanceof Number) {
            return v.toString();
        }
        return lit(v.toString());
    }

    static String schema(String schema) {
        return schema == null ? "" : ", schema: " + lit(schema);
    }

    static String list(List<String> values) {
        return "[" + String.join(", ", values.stream().map(DslText::lit).toList()) + "]";
    }

    static String line(String text) {
        return INDENT + text + "\n";
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    /** A Groovy string literal that never interpolates: '...' unless the text holds a quote. */
    static String lit(String s) {
        if (s.indexOf('\'') < 0 && s.indexOf('\\') < 0 && s.indexOf('\n') < 0) {
            return "'" + s + "'";
        }
        if (s.indexOf('"') < 0 && s.indexOf('$') < 0 && s.indexOf('\\') < 0 && s.indexOf('\n') < 0) {
            return '"' + s + '"';
        }
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    // statements on their own lines, in a triple-quoted string
    static String block(String sql) {
        List<String> lines = new ArrayList<>(List.of(sql.replace("\\", "\\\\").replace("'''", "\\'\\'\\'").split("\n")));
        StringBuilder sb = new StringBuilder("'''\\\n");
        for (String l : lines) {
            sb.append(INDENT).append(INDENT).append(l).append('\n');
        }
        return sb.append(INDENT).append("'''").toString();
    }
}
