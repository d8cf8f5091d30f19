package dev.retort.internal.history;

import dev.retort.Direction;
import dev.retort.HistoryRow;

import java.time.Instant;

/** One row of the history table. appliedAt and appliedBy are null when the server fills them in. */
public record HistoryEntry(String revision, HistoryRow.Action action, String checksum, String message, Instant appliedAt,
                           String appliedBy, Long durationMs, boolean success, String detail) {

    /** The row of a migration step that ran {@code direction}. */
    public HistoryEntry(String revision, Direction direction, String checksum, String message, Instant appliedAt,
                        String appliedBy, Long durationMs, boolean success, String detail) {
        this(revision, HistoryRow.Action.of(direction), checksum, message, appliedAt, appliedBy, durationMs, success, detail);
    }

    /** True for a successful upgrade or stamp: a row that puts the revision in the applied set. */
    public boolean applied() {
        return success && (action == HistoryRow.Action.UPGRADE || action == HistoryRow.Action.STAMP);
    }
}
