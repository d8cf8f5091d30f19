package dev.retort.internal.lint;

import dev.retort.Direction;
import dev.retort.Revision;
import dev.retort.internal.script.RecordedBody;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.Operation;

import java.util.List;

/** A script's upgrade as the linter sees it: the steps of the one offline recording, each with its line. */
final class LintRecorder {
    /** One recorded step: {@code outside} when it runs outside a transaction, {@code assured} inside safetyAssured. */
    record Step(Operation op, int line, boolean outside, boolean assured) {
    }

    private LintRecorder() {
    }

    static List<Step> record(Revision revision, MigrationBody body) {
        return RecordedBody.offlineSteps(revision, body, Direction.UPGRADE).stream()
                .map(s -> new Step(s.operation(), s.line(), s.autocommit() || !revision.transactional(), s.assured()))
                .toList();
    }
}
