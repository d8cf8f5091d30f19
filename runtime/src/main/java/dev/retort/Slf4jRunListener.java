package dev.retort;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The API's default listener: progress goes to SLF4J, so an application sees it in its own log.
 * {@code dev.retort.migration} gets one INFO line per migration with its time (and DEBUG for backfill
 * progress); {@code dev.retort.notice} gets every notice at WARN (a statement moved outside the
 * transaction, a retry after lock_timeout, waiting for the lock, lint errors found on upgrade, a
 * backfill's summary). The CLI uses its own printer instead.
 */
public class Slf4jRunListener implements RunListener {
    private static final Logger MIGRATION = LoggerFactory.getLogger("dev.retort.migration");
    private static final Logger NOTICE = LoggerFactory.getLogger("dev.retort.notice");

    @Override
    public void stepStarting(Revision revision, Direction direction) {
        MIGRATION.debug("{} {} ({}) ...", direction.word(), revision.id(), revision.message());
    }

    @Override
    public void stepFinished(MigrationStep step) {
        Revision r = step.revision();
        MIGRATION.info("{} {} ({}) in {} ms", step.direction().word(), r.id(),
                r.message() == null || r.message().isBlank() ? r.file() : r.message(), step.duration().toMillis());
    }

    @Override
    public void notice(String message) {
        NOTICE.warn(message);
    }

    @Override
    public void detail(String message) {
        MIGRATION.debug(message);
    }

    @Override
    public void progress(String line) {
        MIGRATION.debug(line.toLowerCase(Locale.ROOT).startsWith("backfill") ? line : "progress: " + line);
    }
}
