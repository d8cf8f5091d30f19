package dev.retort.internal.db;

import dev.retort.ConnectionException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL from the zonky binaries, with its data kept in a directory so that the next
 * command (a new process) sees the same database.
 */
public final class EmbeddedServer implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final long startMillis;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDir, long startMillis) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.startMillis = startMillis;
    }

    /** Starts a server on a free port with its data in {@code dataDir} (created when missing). */
    public static EmbeddedServer start(Path dataDir) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            return new EmbeddedServer(pg, dataDir, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new ConnectionException("cannot start the embedded PostgreSQL in " + dataDir + ": " + reason
                    + "; is another retort using it? remove " + dataDir.resolve("postmaster.pid") + " if no server runs", e);
        }
    }

    /** host:port of the running server. */
    public String hostPort() {
        return "localhost:" + postgres.getPort();
    }

    /** The data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** How long the start took. */
    public long startMillis() {
        return startMillis;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the process is gone either way
        }
    }
}
