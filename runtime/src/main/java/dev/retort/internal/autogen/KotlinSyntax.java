package dev.retort.internal.autogen;

import java.math.BigDecimal;
import java.util.List;

import static dev.retort.internal.autogen.DslWriter.INDENT;

/**
 * The Kotlin DSL: {@code name(arg, key = value)}, {@code listOf("a")}, {@code mapOf("k" to 1)}, strings with {@code $}
 * escaped.
 */
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

    @Override
    String entry(String key, String value) {
        return lit(key) + " to " + value;
    }

    @Override
    String map(List<String> entries) {
        return "mapOf(" + String.join(", ", entries) + ")";
    }

    /*
     * Kotlin's decimal literal is a Double; it has none for BigDecimal and BigInteger (a BigDecimal written as 1.50
     * would turn into the Double 1.5), so those are constructed from their text, which keeps the value exactly.
     */
    @Override
    String number(Number n) {
        if (n instanceof BigDecimal) {
            return "java.math.BigDecimal(" + lit(n.toString()) + ")";
        }
        return n instanceof Double ? n.toString() : "java.math.BigInteger(" + lit(n.toString()) + ")";
    }

    private static String raw(String s) {
        String text = s.replace("$", "${'$'}");
        return text.contains("\"\"\"") ? text.replace("\"", "${'\"'}") : text;
    }
}
