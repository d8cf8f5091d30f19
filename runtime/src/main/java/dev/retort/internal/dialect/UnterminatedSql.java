package dev.retort.internal.dialect;

import java.util.List;

/**
 * Finds SQL text that ends inside a quote, a dollar-quoted body or a block comment, so a script with
 * {@code sql "UPDATE t SET a = 'x"} fails when it loads, before any migration runs, instead of at the
 * server in the middle of the run. It asks {@link SqlSplitter} (the splitter every statement goes
 * through) rather than parsing again: a marker statement after the text survives the split intact only
 * when nothing in the text is left open.
 */
public final class UnterminatedSql {
    private static final String MARKER = "SELECT 'retort-end-of-text'";

    private UnterminatedSql() {
    }

    /** True when {@code sql} leaves a quote, dollar quote or comment open at its end. */
    public static boolean isUnterminated(String sql) {
        List<String> parts = SqlSplitter.split(sql + "\n;\n" + MARKER);
        return parts.isEmpty() || !parts.get(parts.size() - 1).equals(MARKER);
    }

    /** Throws a script error when {@code sql} is unterminated (the caller adds file and line). */
    public static void require(String sql) {
        if (isUnterminated(sql)) {
            throw new dev.retort.ScriptException("sql: the text ends inside a quote, a $$ body or a /* comment; close it");
        }
    }
}
