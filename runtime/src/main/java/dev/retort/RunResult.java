package dev.retort;

import java.time.Duration;
import java.util.List;

/**
 * What a run did.
 *
 * @param steps    the steps, in the order they ran
 * @param heads    the revisions the database is at afterwards
 * @param duration wall time of the whole run
 */
public record RunResult(List<MigrationStep> steps, List<String> heads, Duration duration) {
    public RunResult {
        steps = List.copyOf(steps);
        heads = List.copyOf(heads);
    }
}
