package dev.retort.internal.exec;

import dev.retort.MigrationStep;

import java.util.ArrayList;
import java.util.List;

/**
 * Another runner changed the version table under this one (seen under the per-migration lock, or by a
 * version-row change that did not move exactly the expected rows). The step was rolled back; the run
 * plans again from what the version table now says.
 */
public final class HeadsMoved extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<MigrationStep> done = new ArrayList<>();

    HeadsMoved(String message) {
        super(message);
    }

    /** The steps this run completed before it noticed. */
    public List<MigrationStep> done() {
        return done;
    }

    HeadsMoved after(List<MigrationStep> steps) {
        done.addAll(steps);
        return this;
    }
}
