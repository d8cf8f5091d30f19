package dev.retort;

import dev.retort.internal.config.EnumWords;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the history table, as {@link Retort#appliedHistory()} reads it.
 *
 * @param revision   the revision the row is about
 * @param action     what was done to it
 * @param checksum   the script's checksum the row was written with, or null
 * @param message    the revision's message, or null
 * @param appliedAt  when it ran
 * @param appliedBy  the database user that ran it
 * @param durationMs how long it took, or null
 * @param success    false for a failed attempt
 * @param detail     the error of a failed attempt, or a note (e.g. {@code purged}), or null
 */
public record HistoryRow(String revision, Action action, String checksum, String message, Instant appliedAt,
                         String appliedBy, Long durationMs, boolean success, String detail) {

    /** What a history row records. */
    public enum Action {
        /** The revision's upgrade ran. */
        UPGRADE,
        /** The revision's downgrade ran. */
        DOWNGRADE,
        /** The version table was set to the revision without running it. */
        STAMP,
        /** The script's edited text was accepted as applied. */
        CHECKSUM;

        /** The word the history table stores. */
        public String word() {
            return EnumWords.word(this);
        }

        /** The action of a migration step that ran {@code direction}. */
        public static Action of(Direction direction) {
            return direction == Direction.UPGRADE ? UPGRADE : DOWNGRADE;
        }

        /** The action a stored word names. */
        public static Action of(String word) {
            return EnumWords.parse(Action.class, word, Map.of());
        }
    }
}
