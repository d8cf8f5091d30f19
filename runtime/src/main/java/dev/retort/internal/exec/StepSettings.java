package dev.retort.internal.exec;

import dev.retort.BlockerPolicy;
import dev.retort.Revision;

import java.time.Duration;

/**
 * The per-migration limits: PostgreSQL lock_timeout and statement_timeout (config, overridden by a
 * script's header), how a migration that hit lock_timeout is retried, how long a CONCURRENTLY step may wait, and
 * what the blocker pre-flight does with a session that would make a strong lock wait.
 */
public record StepSettings(Duration lockTimeout, Duration statementTimeout, int retries, Duration backoff,
                           Duration concurrentlyTimeout, BlockerPolicy blockers, Duration maxBlockerAge) {

    /** With the pre-flight's defaults: print blockers and wait, transactions over 10 s old count. */
    public StepSettings(Duration lockTimeout, Duration statementTimeout, int retries, Duration backoff, Duration concurrentlyTimeout) {
        this(lockTimeout, statementTimeout, retries, backoff, concurrentlyTimeout, BlockerPolicy.WAIT, Duration.ofSeconds(10));
    }

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

    /**
     * The wait before retry {@code attempt} (0-based): the backoff doubles each time up to {@link #MAX_DOUBLINGS}
     * doublings, and each wait is drawn from half to one and a half times that, so that runners and retries that failed
     * together do not come back together and queue behind the same blocker again (bench/lockwait.sh measured the
     * defaults this serves: short lock waits, many retries).
     */
    long retryWait(int attempt) {
        long base = backoff.toMillis() << Math.min(attempt, MAX_DOUBLINGS);
        return base == 0 ? 0 : base / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(base + 1);
    }

    /** Backoff doubles at most this often (100 ms reaches 1.6 s), so late retries still come about once a second. */
    static final int MAX_DOUBLINGS = 4;

    /** Sleeps {@code ms} before a retry; an interrupt (Ctrl-C) ends the wait early and is kept for the caller. */
    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
