package dev.retort.internal.autogen;

import java.util.List;

import static dev.retort.internal.autogen.DslWriter.INDENT;

/** The Groovy DSL: {@code name arg, key: value}, {@code ['a']}, single-quoted strings that never interpolate. */
final class GroovySyntax implements DslSyntax {
    static final GroovySyntax INSTANCE = new GroovySyntax();

    private GroovySyntax() {
    }

    @Override
    public String call(String name, String args) {
        return name + " " + args;
    }

    @Override
    public String named(String key, String value) {
        return key + ": " + value;
    }

    @Override
    public String list(List<String> values) {
        return "[" + String.join(", ", values) + "]";
    }

    /** '...' unless the text holds a quote; a double-quoted string only when it cannot interpolate. */
    @Override
    public String lit(String s) {
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
    public String block(String sql) {
        StringBuilder sb = new StringBuilder("'''\\\n");
        for (String l : sql.replace("\\", "\\\\").replace("'''", "\\'\\'\\'").split("\n")) {
            sb.append(INDENT).append(INDENT).append(l).append('\n');
        }
        return sb.append(INDENT).append("'''").toString();
    }

    @Override
    public String verbatimSql(String sql) {
        return INDENT + "sql '''\\\n" + sql.replace("\\", "\\\\").replace("'''", "\\'\\'\\'") + "\n'''\n";
    }
}
