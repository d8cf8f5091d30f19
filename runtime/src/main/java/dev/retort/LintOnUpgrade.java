package dev.retort;

import java.util.Locale;

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
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode a setting's text names.
     *
     * @throws IllegalArgumentException saying which words are accepted
     */
    public static LintOnUpgrade parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "warning", "warn" -> WARNING;
            case "refuse" -> REFUSE;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException("'" + text + "' is not warning, refuse or off");
        };
    }
}
