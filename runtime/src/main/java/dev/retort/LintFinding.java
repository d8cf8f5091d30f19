package dev.retort;

/**
 * One thing {@code retort lint} found.
 *
 * @param revision the revision
 * @param file     the script
 * @param line     the line of the step, 0 when not known
 * @param rule     the rule id, e.g. {@code index-not-concurrent}
 * @param error    true for an error (lint exits 7), false for a warning
 * @param message  what is wrong
 * @param fix      the safe alternative
 * @param docs     where the rule is explained
 * @param detail   the table, column or statement concerned
 */
public record LintFinding(String revision, String file, int line, String rule, boolean error, String message, String fix,
                          String docs, String detail) {
}
