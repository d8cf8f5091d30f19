package dev.retort.internal.graph;

import dev.retort.UsageException;

/** The N of a relative target ({@code +N}, {@code -N}, {@code head-N}): a count no graph can exceed is bad usage. */
final class StepCount {
    private StepCount() {
    }

    static int parse(String digits, String target) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new UsageException("target '" + target + "': " + digits + " steps is more than Retort can count (at most "
                    + Integer.MAX_VALUE + "); give a revision, head or base instead");
        }
    }
}
