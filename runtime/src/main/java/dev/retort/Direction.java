package dev.retort;

/** Which way a migration step runs. */
public enum Direction {
    UPGRADE, DOWNGRADE;

    /** The lower-case word used in the history table and in output. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
