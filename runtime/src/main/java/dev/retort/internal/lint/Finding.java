package dev.retort.internal.lint;

import dev.retort.LintLevel;

/**
 * One thing the linter found.
 *
 * @param revision the revision
 * @param file     the script
 * @param line     the line of the step (0 when not known)
 * @param rule     the rule
 * @param level    how it counts: the rule's configured level, then weighed by the table's size
 * @param detail   what exactly, e.g. the table and column
 * @param table    the existing table the hazard is on (its size weighs the finding), or null
 * @param size     what the database said about that table's size, or null when lint did not read it
 */
public record Finding(String revision, String file, int line, Rule rule, LintLevel level, String detail, String table,
                      String size) {
    /** A finding before levels are applied ({@code error} is always true there: the rule's level decides). */
    Finding(String revision, String file, int line, Rule rule, boolean error, String detail) {
        this(revision, file, line, rule, error ? LintLevel.ERROR : LintLevel.WARNING, detail, null, null);
    }

    /** As a finding about {@code onTable}, which the database's size for it then weighs. */
    Finding on(String onTable) {
        return new Finding(revision, file, line, rule, level, detail, onTable, size);
    }

    /** At {@code newLevel}, saying {@code why} (the size that set it). */
    Finding at(LintLevel newLevel, String why) {
        return new Finding(revision, file, line, rule, newLevel, detail, table, why);
    }

    /** True for an error: lint exits 7, upgrade refuses. */
    public boolean error() {
        return level == LintLevel.ERROR;
    }
}
