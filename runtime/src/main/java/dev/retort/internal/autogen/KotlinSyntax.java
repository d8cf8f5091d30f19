package dev.retort.internal.autogen;

import static dev.retort.internal.autogen.DslWriter.INDENT;

/** The Kotlin DSL: {@code name(arg, key = value)}, {@code listOf("a")}, strings with {@code $} escaped. */
final class KotlinSyntax extends DslSyntax {
    static final KotlinSyntax INSTANCE = new KotlinSyntax();

    private KotlinSyntax() {
        super(new Punctuation("(", ")", " = ", "listOf(", ")"));
    }

    @Override
    String lit(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$")
                .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"';
    }

    /*
     * A raw string (backslashes are literal, so regexes and E'' strings stay as they are). Its first line break is
     * part of the text, which does not matter: statements are trimmed when split. A '$' would start a template and
     * three quotes would end the string, so both are written as ${'…'} expressions.
     */
    @Override
    String block(String sql) {
        StringBuilder sb = new StringBuilder("\"\"\"\n");
        for (String l : raw(sql).split("\n")) {
            sb.append(INDENT).append(INDENT).append(l).append('\n');
        }
        return sb.append(INDENT).append("\"\"\"").toString();
    }

    @Override
    String verbatimSql(String sql) {
        return INDENT + "sql(\"\"\"\n" + raw(sql) + "\n\"\"\")\n";
    }

    private static String raw(String s) {
        String text = s.replace("$", "${'$'}");
        return text.contains("\"\"\"") ? text.replace("\"", "${'\"'}") : text;
    }
}
