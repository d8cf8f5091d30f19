package dev.retort.internal.exec;

import dev.retort.Direction;
import dev.retort.Revision;
import dev.retort.RunListener;
import org.postgresql.core.BaseConnection;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM during a run: cancels the running statement (pgjdbc's cancel request, so the
 * server backend does not live on holding the lock and its place in the lock queue), waits for the
 * run to roll back, record the failed attempt and release the lock, then prints one line. Without
 * this the JVM exits at once and the orphaned backend keeps waiting.
 */
public final class RunInterruption implements AutoCloseable {
    private static final long WAIT_SECONDS = 20;

    private final RunListener listener;
    private final String verb;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "retort-interrupt");
    private volatile Connection connection;
    private volatile boolean requested;
    private volatile Revision current;
    private volatile int applied;

    private RunInterruption(RunListener listener, String verb) {
        this.listener = listener;
        this.verb = verb;
    }

    /** Watches for JVM shutdown (SIGINT, SIGTERM) until closed. */
    public static RunInterruption watch(RunListener listener, Direction direction) {
        RunInterruption r = new RunInterruption(listener, direction.word());
        try {
            Runtime.getRuntime().addShutdownHook(r.hook);
        } catch (IllegalStateException alreadyStopping) {
            r.requested = true;
        }
        return r;
    }

    /** The connection whose running statement a signal cancels. */
    public void attach(Connection c) {
        this.connection = c;
    }

    /** True once a signal arrived: no further statement may start. */
    public boolean requested() {
        return requested;
    }

    /** The executor starts {@code revision}: a signal now cancels its statement and names it. */
    void running(Revision revision) {
        current = revision;
    }

    /** The migration that was running finished; it counts among those that stay applied. */
    void finished() {
        current = null;
        applied++;
    }

    private void onSignal() {
        requested = true;
        Connection c = connection;
        Revision running = current;
        if (c != null) {
            try {
                c.unwrap(BaseConnection.class).cancelQuery();
            } catch (Exception ignored) {
                // not a pgjdbc connection, or nothing running: the next statement is refused instead
            }
        }
        boolean clean;
        try {
            clean = finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            clean = false;
        }
        String what = running == null ? "before a migration ran"
                : "during the " + verb + " of " + running.id() + ": its running statement was cancelled and its transaction rolled back"
                + " (recorded in the history as a failed attempt)";
        listener.notice("interrupted " + what + "; " + applied + " migration(s) completed before stay applied; "
                + (clean ? "the migration lock is released" : "the run did not stop within " + WAIT_SECONDS
                + " s, the server rolls back when the connection closes"));
    }

    @Override
    public void close() {
        finished.countDown();
        if (requested) {
            // the JVM is shutting down: let the hook say what happened, and say nothing more from here
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(WAIT_SECONDS + 5));
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // shutting down
        }
    }
}
