package dev.retort.internal.exec;

import dev.retort.Direction;
import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.internal.dialect.PostgresDialect;
import dev.retort.internal.script.RecordedBody;
import dev.retort.spi.MigrationBody;

/**
 * Renders every operation of a body once without a database, so that an unknown operation, a bad
 * option or a bad identifier in the fifth script stops the run before the first one touches the
 * database. It walks the recording {@link RecordedBody#offlineSteps} makes (the one lint walks too);
 * a body that reads the database is checked up to that read.
 */
public final class Preflight {
    private Preflight() {
    }

    /** Checks one body in one direction; throws the script's error, if any, named with its file and line. */
    public static void check(Revision revision, MigrationBody body, Direction direction, PostgresDialect dialect) {
        for (RecordedBody.Step step : RecordedBody.offlineSteps(revision, body, direction)) {
            try {
                dialect.render(step.operation());
            } catch (ScriptException e) {
                String file = revision.file();
                if (e.getMessage() != null && e.getMessage().startsWith(file)) {
                    throw e;
                }
                throw new ScriptException(file + (step.line() > 0 ? ":" + step.line() : "") + ": " + e.getMessage(), e);
            }
        }
    }
}
