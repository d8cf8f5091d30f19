package dev.retort.internal.autogen;

import java.util.List;
import java.util.Map;

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

    /** ", key: true" for a flag that is set. */
    String flag(String key) {
        return ", " + syntax.named(key, "true");
    }

    String listOption(String key, List<String> values) {
        return ", " + syntax.named(key, list(values));
    }

    String list(List<String> values) {
        return syntax.list(values.stream().map(this::lit).toList());
    }

    String lit(String s) {
        return syntax.lit(s);
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
