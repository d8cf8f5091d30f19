package dev.retort.internal.autogen;

import java.util.List;

import static dev.retort.internal.autogen.DslWriter.INDENT;

/** The Kotlin DSL: {@code name(arg, key = value)}, {@code listOf("a")}, strings with {@code $} escaped. */
final class KotlinSyntax implements DslSyntax {
    static final KotlinSyntax INSTANCE = new KotlinSyntax();

    private KotlinSyntax() {
    }

    @Override
    public String call(String name, String args) {
        return name + "(" + args + ")";
    }

    @Override
    public String named(String key, String value) {
        return key + " = " + value;
    }

    @Override
    public String list(List<String> values) {
        return "listOf(" + String.join(", ", values) + ")";
    }

    @Override
    public String lit(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$")
                .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"';
    }

    /*
     * A raw string (backslashes are literal, so regexes and E'' strings stay as they are). Its first line break is
     * part of the text, which does not matter: statements are trimmed when split. A '$' would start a template and
     * three quotes would end the string, so both are written as ${'…'} expressions.
     */
    @Override
    public String block(String sql) {
        StringBuilder sb = new StringBuilder("\"\"\"\n");
        for (String l : raw(sql).split("\n")) {
            sb.append(INDENT).append(INDENT).append(l).append('\n');
        }
        return sb.append(INDENT).append("\"\"\"").toString();
    }

    @Override
    public String verbatimSql(String sql) {
        return INDENT + "sql(\"\"\"\n" + raw(sql) + "\n\"\"\")\n";
    }

    private static String raw(String s) {
        String text = s.replace("$", "${'$'}");
        return text.contains("\"\"\"") ? text.replace("\"", "${'\"'}") : text;
    }
}
