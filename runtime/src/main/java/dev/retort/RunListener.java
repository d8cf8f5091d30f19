package dev.retort;

/**
 * Receives progress while a run works, so a caller can show it (the CLI prints a line per step).
 * Every method has an empty default.
 */
public interface RunListener {
    /** A step is about to run. */
    default void stepStarting(Revision revision, Direction direction) {
    }

    /** A step finished and was committed. */
    default void stepFinished(MigrationStep step) {
    }

    /** A notice worth a line: waiting for the lock, a statement moved outside the transaction. */
    default void notice(String message) {
    }

    /** Progress of long work (a backfill): a line that replaces the previous one on a terminal. */
    default void progress(String line) {
    }

    /** Detail shown only when asked for (the CLI's {@code -v}): lint's warnings and info before an upgrade. */
    default void detail(String message) {
    }

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };
}
