package dev.retort;

import dev.retort.internal.config.EnumWords;

import java.util.Map;

/**
 * What {@code upgrade} does with lint errors in the migrations it is about to run ({@code lintOnUpgrade}):
 * written {@code warning}, {@code refuse} or {@code off}, the same words as {@link LintLevel}; {@code warn}
 * is read as {@code warning}, the spelling older settings used.
 */
public enum LintOnUpgrade {
    /** Print one notice line and run. */
    WARNING,
    /** Refuse to run: exit 7, the database untouched (the default). */
    REFUSE,
    /** Do not lint before an upgrade. */
    OFF;

    /** The word settings write. */
    public String word() {
        return EnumWords.word(this);
    }

    /**
     * The mode a setting's text names.
     *
     * @throws IllegalArgumentException saying which words are accepted
     */
    public static LintOnUpgrade parse(String text) {
        return EnumWords.parse(LintOnUpgrade.class, text, Map.of("warn", WARNING));
    }
}
