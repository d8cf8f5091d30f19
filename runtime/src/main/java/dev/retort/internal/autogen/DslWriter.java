package dev.retort.internal.autogen;

import dev.retort.DslLanguage;
import dev.retort.spi.Operation;

import java.util.List;

/**
 * Writes changes as the body of {@code upgrade { }} and {@code downgrade { }}, the way a person writes
 * the DSL: one operation per line, named options, aligned columns, a {@code // review:} line wherever
 * Retort guessed. This is DSL text (Groovy or Kotlin), not SQL: the migration renders it through the dialect when
 * it runs.
 */
public final class DslWriter {
    static final String INDENT = "    ";

    private DslWriter() {
    }

    /** The upgrade body in Groovy (the schema model's language too). */
    public static String upgrade(List<Change> changes) {
        return upgrade(changes, DslLanguage.GROOVY);
    }

    /** The upgrade body: each change's operations in order. */
    public static String upgrade(List<Change> changes, DslLanguage language) {
        StringBuilder sb = new StringBuilder();
        for (Change c : changes) {
            review(sb, c.review());
            for (Operation op : c.up()) {
                String ignore = LintIgnores.line(op);
                sb.append(ignore == null ? "" : ignore).append(write(op, language));
            }
        }
        return sb.toString();
    }

    /** The downgrade body: each change's reverse, last change first. */
    public static String downgrade(List<Change> changes, DslLanguage language) {
        StringBuilder sb = new StringBuilder();
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            if (c.guessedRename() || (c.review() != null && c.down().isEmpty())) {
                review(sb, c.review());
            }
            for (Operation op : c.down()) {
                sb.append(write(op, language));
            }
        }
        return sb.toString();
    }

    private static void review(StringBuilder sb, String text) {
        if (text != null) {
            sb.append(INDENT).append("// review: ").append(text).append('\n');
        }
    }

    /** One operation as DSL lines, indented for a block, ending in a newline. */
    static String write(Operation op, DslLanguage language) {
        return op.accept(DslLines.of(language));
    }

    /** A raw SQL step with its text exactly as given (no indentation added). */
    public static String verbatimSql(String sql, DslLanguage language) {
        return DslSyntax.of(language).verbatimSql(sql);
    }
}
