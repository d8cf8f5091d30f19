package dev.retort;

import dev.retort.internal.config.EnumWords;

import java.util.Map;

/**
 * How a lint rule's findings count ({@code lint.RULE-ID} in retort.properties): written {@code error},
 * {@code warning}, {@code info} or {@code off}; {@code warn} is read as {@code warning}, the spelling older settings used.
 */
public enum LintLevel {
    /** The finding stops {@code retort lint} (exit 7) and, with {@link LintOnUpgrade#REFUSE} (the default), an upgrade. */
    ERROR,
    /** The finding is printed. */
    WARNING,
    /** The finding is printed only with {@code -v} (lint also gives it to a lock hazard on a small table). */
    INFO,
    /** The rule is not checked. */
    OFF;

    /** The word settings write. */
    public String word() {
        return EnumWords.word(this);
    }

    /**
     * The level a setting's text names.
     *
     * @throws IllegalArgumentException saying which words are accepted
     */
    public static LintLevel parse(String text) {
        return EnumWords.parse(LintLevel.class, text, Map.of("warn", WARNING));
    }
}
