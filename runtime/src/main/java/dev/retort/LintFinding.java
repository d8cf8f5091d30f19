package dev.retort;

/**
 * One thing {@code retort lint} found.
 *
 * @param revision the revision
 * @param file     the script
 * @param line     the line of the step, 0 when not known
 * @param rule     the rule id, e.g. {@code index-not-concurrent}
 * @param level    error (lint exits 7, upgrade refuses), warning (printed) or info (printed with {@code -v})
 * @param message  what is wrong
 * @param fix      the safe alternative
 * @param docs     where the rule is explained
 * @param detail   the table, column or statement concerned
 * @param size     what the database said about the table's size and why that set the level
 *                 ("users: ~2,000 rows, 1 MB: the ACCESS EXCLUSIVE lock is brief"); null when lint did not read it
 */
public record LintFinding(String revision, String file, int line, String rule, LintLevel level, String message, String fix,
                          String docs, String detail, String size) {
    /** True for an error: lint exits 7 and upgrade refuses to run. */
    public boolean error() {
        return level == LintLevel.ERROR;
    }
}
