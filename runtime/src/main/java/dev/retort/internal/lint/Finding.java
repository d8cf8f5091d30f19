package dev.retort.internal.lint;

/**
 * One thing the linter found.
 *
 * @param revision the revision
 * @param file     the script
 * @param line     the line of the step (0 when not known)
 * @param rule     the rule
 * @param error    true for an error (exit 7), false for a warning
 * @param detail   what exactly, e.g. the table and column
 */
public record Finding(String revision, String file, int line, Rule rule, boolean error, String detail) {
}
