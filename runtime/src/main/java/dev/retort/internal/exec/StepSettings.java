package dev.retort.internal.exec;

import dev.retort.Revision;

import java.time.Duration;

/**
 * The per-migration limits: PostgreSQL lock_timeout and statement_timeout (config, overridden by a
 * script's header), how a migration that hit lock_timeout is retried, and how long a CONCURRENTLY step may wait.
 */
public record StepSettings(Duration lockTimeout, Duration statementTimeout, int retries, Duration backoff,
                           Duration concurrentlyTimeout) {

    long lockTimeoutMs(Revision r) {
        return r.lockTimeout() == null ? lockTimeout.toMillis() : millis(r.lockTimeout());
    }

    long statementTimeoutMs(Revision r) {
        return r.statementTimeout() == null ? statementTimeout.toMillis() : millis(r.statementTimeout());
    }

    // header values were checked by DurationParser when the script loaded
    static long millis(String text) {
        return dev.retort.spi.DurationParser.parse(text).toMillis();
    }

    /** Waits before retry {@code attempt} (0-based): the backoff doubles each time; returns the milliseconds waited. */
    long pauseBeforeRetry(int attempt) {
        long ms = backoff.toMillis() << attempt;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ms;
    }
}
