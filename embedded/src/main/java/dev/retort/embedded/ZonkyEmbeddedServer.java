package dev.retort.embedded;

import dev.retort.ConnectionException;
import dev.retort.spi.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * A real PostgreSQL from the zonky binaries, with its data kept in a directory so that the next command
 * (a new process) sees the same database. Other local users get nothing: the superuser has a random
 * password (scram-sha-256 for every connection, kept 0600 beside the data directory), TCP listens on
 * 127.0.0.1 only, and the unix socket lives in a private 0700 temporary folder.
 */
public final class ZonkyEmbeddedServer implements EmbeddedServer {
    static final String USER = "postgres";
    // what pg_hba.conf says: a password for everyone, over the socket and over TCP
    static final String HBA = "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n";

    private final EmbeddedPostgres postgres;
    private final String password;
    private final Path socketDir;
    private final long startMillis;

    private ZonkyEmbeddedServer(EmbeddedPostgres postgres, String password, Path socketDir, long startMillis) {
        this.postgres = postgres;
        this.password = password;
        this.socketDir = socketDir;
        this.startMillis = startMillis;
    }

    /** Found by ServiceLoader from the runtime. */
    public static final class Factory implements EmbeddedServer.Factory {
        @Override
        public EmbeddedServer start(Path dataDir) {
            return ZonkyEmbeddedServer.start(dataDir);
        }
    }

    /** Starts a server on a free port with its data in {@code dataDir} (created when missing). */
    public static ZonkyEmbeddedServer start(Path dataDir) {
        long t0 = System.nanoTime();
        Path socketDir = null;
        try {
            boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
            Path secretFile = dataDir.resolveSibling(dataDir.getFileName() + ".password");
            boolean hadSecret = Files.isRegularFile(secretFile);
            String password = hadSecret && !fresh ? Files.readString(secretFile, StandardCharsets.UTF_8).trim() : newPassword(secretFile);
            Files.createDirectories(dataDir);
            socketDir = Files.createTempDirectory("retort-pg-socket");   // 0700 on POSIX
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", socketDir.toString())
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setConnectConfig("password", password);
            Path pwfile = null;
            if (fresh) {
                // initdb: the superuser gets the password and every login needs it (zonky's own "-A trust" comes first)
                pwfile = Files.createTempFile("retort-pg-pw", ".txt");
                Files.writeString(pwfile, password + "\n");
                b.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString());
            }
            EmbeddedPostgres pg;
            try {
                pg = b.start();
            } finally {
                if (pwfile != null) {
                    Files.deleteIfExists(pwfile);
                }
            }
            if (!fresh) {
                secure(pg, dataDir, password, hadSecret);
            }
            return new ZonkyEmbeddedServer(pg, password, socketDir, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            removeQuietly(socketDir);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new ConnectionException("cannot start the embedded PostgreSQL in " + dataDir + ": " + reason
                    + "; is another retort using it? remove " + dataDir.resolve("postmaster.pid") + " if no server runs", e);
        }
    }

    // a data directory made by an older Retort trusted every local login: give it the password and the strict pg_hba.conf
    private static void secure(EmbeddedPostgres pg, Path dataDir, String password, boolean hadSecret) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        if (hadSecret && HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
            return;
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(hba, HBA);
            st.execute("SELECT pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot set the embedded server's password: " + e.getMessage(), e);
        }
    }

    private static String newPassword(Path secretFile) throws IOException {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.createDirectories(secretFile.getParent());
        Files.deleteIfExists(secretFile);
        try {
            Files.createFile(secretFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(secretFile);
        }
        Files.writeString(secretFile, password + "\n");
        return password;
    }

    private static void removeQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // an empty temporary folder left behind is harmless
        }
    }

    @Override
    public String hostPort() {
        return "127.0.0.1:" + postgres.getPort();
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public long startMillis() {
        return startMillis;
    }

    /** The private folder that holds the server's unix socket. */
    public Path socketDir() {
        return socketDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the process is gone either way
        } finally {
            removeQuietly(socketDir);
        }
    }
}
