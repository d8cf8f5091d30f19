package dev.retort.internal.exec;

import dev.retort.Revision;
import dev.retort.RetortConfig;

import java.time.Duration;
import java.util.Locale;

/**
 * The per-migration limits: PostgreSQL lock_timeout and statement_timeout (config, overridden by a
 * script's header), and how a migration that hit lock_timeout is retried.
 */
public record StepSettings(Duration lockTimeout, Duration statementTimeout, int retries, Duration backoff) {

    /** The settings a config asks for. */
    public static StepSettings of(RetortConfig c) {
        return new StepSettings(c.sqlLockTimeout(), c.sqlStatementTimeout(), c.lockRetries(), c.lockRetryBackoff());
    }

    long lockTimeoutMs(Revision r) {
        return r.lockTimeout() == null ? lockTimeout.toMillis() : millis(r.lockTimeout());
    }

    long statementTimeoutMs(Revision r) {
        return r.statementTimeout() == null ? statementTimeout.toMillis() : millis(r.statementTimeout());
    }

    // the header forms PostgreSQL itself accepts: 500ms, 5s, 10min, 1h, or a bare number of milliseconds
    static long millis(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.endsWith("ms")) {
            return Long.parseLong(t.substring(0, t.length() - 2));
        }
        if (t.endsWith("min")) {
            return Long.parseLong(t.substring(0, t.length() - 3)) * 60_000;
        }
        if (t.endsWith("s")) {
            return Long.parseLong(t.substring(0, t.length() - 1)) * 1000;
        }
        if (t.endsWith("h")) {
            return Long.parseLong(t.substring(0, t.length() - 1)) * 3_600_000;
        }
        return Long.parseLong(t);
    }
}
