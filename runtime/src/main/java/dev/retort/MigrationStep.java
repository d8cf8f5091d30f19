package dev.retort;

import java.time.Duration;

/**
 * One revision applied or reverted by a run.
 *
 * @param revision  the revision
 * @param direction upgrade or downgrade
 * @param duration  wall time of the step, zero in {@code --sql} mode
 */
public record MigrationStep(Revision revision, Direction direction, Duration duration) {
}
