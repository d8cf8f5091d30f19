package dev.retort.internal.exec;

import java.time.Duration;

/**
 * Renews a migration's lease from a connection of its own while the migration's connection is busy
 * (a CONCURRENTLY build can take hours; the lease must not expire under it).
 */
final class LeaseHeartbeat {
    private final Thread thread;

    private LeaseHeartbeat(Thread thread) {
        this.thread = thread;
    }

    static LeaseHeartbeat start(Runnable renew, Duration every) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    renew.run();
                } catch (RuntimeException e) {
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
