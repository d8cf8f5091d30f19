package dev.retort.internal.exec;

import java.sql.Connection;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Renews a migration's lease from a connection of its own while the migration's connection is busy
 * (a CONCURRENTLY build can take hours; the lease must not expire under it).
 */
final class LeaseHeartbeat {
    private final Thread thread;

    private LeaseHeartbeat(Thread thread) {
        this.thread = thread;
    }

    static LeaseHeartbeat start(Supplier<Connection> connections, String renewSql, Duration every) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                try (Connection c = connections.get(); var st = c.createStatement()) {
                    st.execute(renewSql);
                } catch (Exception e) {
                    // the next beat tries again; a lease that lapses is caught by its fencing token
                }
            }
        }, "retort-lease");
        t.setDaemon(true);
        t.start();
        return new LeaseHeartbeat(t);
    }

    void stop() {
        thread.interrupt();
    }
}
