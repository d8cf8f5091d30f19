package dev.retort;

import java.time.Instant;

/**
 * One revision as {@code status} shows it.
 *
 * @param revision   the revision
 * @param applied    true when the database has it
 * @param appliedAt  when its last successful upgrade ran, or null
 * @param appliedBy  who ran it, or null
 * @param durationMs how long it took, or null
 * @param checksum   how the script compares with the text that was applied
 * @param lastFailure the error of a failed attempt after the last success, or null
 */
public record RevisionStatus(Revision revision, boolean applied, Instant appliedAt, String appliedBy, Long durationMs,
                             ChecksumState checksum, String lastFailure) {

    /** How a script compares with what was applied. */
    public enum ChecksumState {
        /** The script is the text that was applied. */
        MATCHES,
        /** The script was edited after it was applied. */
        EDITED,
        /** Not applied, or applied without a recorded checksum (stamped). */
        UNKNOWN
    }
}
