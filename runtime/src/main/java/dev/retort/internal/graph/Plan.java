package dev.retort.internal.graph;

import dev.retort.Direction;
import dev.retort.Revision;

import java.util.List;
import java.util.Set;

/**
 * What a run will do: the steps in order, starting from a known applied set.
 *
 * @param direction upgrade or downgrade
 * @param steps     revisions in the order they run
 * @param before    the applied set before the run
 */
public record Plan(Direction direction, List<Revision> steps, Set<String> before) {
    public Plan {
        steps = List.copyOf(steps);
        before = Set.copyOf(before);
    }

    /** True when there is nothing to do. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
