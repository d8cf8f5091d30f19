package dev.retort.internal.db;

import dev.retort.RunListener;
import dev.retort.internal.config.DatabaseUrl;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where connections come from, as the configuration says: an application's data source, or a parsed URL
 * (none: {@code missingUrl} is the line to fail with); how long to wait for a starting server and whether to
 * create a missing database; the project directory an embedded server's data lives under.
 */
public record ConnectionSettings(DataSource dataSource, DatabaseUrl url, Path projectDir, Duration connectWait,
                                 boolean createDatabase, String missingUrl, RunListener listener) {

    /** The same settings for the database at {@code other} (a scratch one), telling {@code to}. */
    public ConnectionSettings on(DatabaseUrl other, RunListener to) {
        return new ConnectionSettings(null, other, projectDir, connectWait, createDatabase, missingUrl, to);
    }
}
