package dev.retort.internal.autogen;

import static dev.retort.internal.autogen.DslWriter.INDENT;

/** The Groovy DSL: {@code name arg, key: value}, {@code ['a']}, single-quoted strings that never interpolate. */
final class GroovySyntax extends DslSyntax {
    static final GroovySyntax INSTANCE = new GroovySyntax();

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
}
