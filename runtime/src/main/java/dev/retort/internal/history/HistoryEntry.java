package dev.retort.internal.history;

import java.time.Instant;

/** One row of the history table. appliedAt and appliedBy are null when the server fills them in. */
public record HistoryEntry(String revision, String direction, String checksum, String message, Instant appliedAt,
                           String appliedBy, Long durationMs, boolean success, String detail) {
}
