package dev.retort.spi;

import dev.retort.ConfigException;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * A running embedded PostgreSQL. The runtime carries no server binaries: an implementation comes from
 * the optional {@code retort-embedded} module (the CLI and retort-spock bring it), found by ServiceLoader.
 */
public interface EmbeddedServer extends AutoCloseable {
    /** Starts servers; registered in {@code META-INF/services/dev.retort.spi.EmbeddedServer$Factory}. */
    interface Factory {
        /** Starts a server with its data in {@code dataDir} (created when missing), reachable only with its password. */
        EmbeddedServer start(Path dataDir);
    }

    /** Starts a server through the first factory on the class path. */
    static EmbeddedServer start(Path dataDir) {
        for (Factory f : ServiceLoader.load(Factory.class, EmbeddedServer.class.getClassLoader())) {
            return f.start(dataDir);
        }
        throw new ConfigException("url: the embedded PostgreSQL needs dev.retort:retort-embedded on the class path"
                + " (the CLI and retort-spock bring it); add that dependency, or give a real database URL");
    }

    /** 127.0.0.1:port of the running server. */
    String hostPort();

    /** The superuser to connect as. */
    String user();

    /** The superuser's password (random, kept 0600 beside the data directory). Never print it. */
    String password();

    /** How long the start took. */
    long startMillis();

    @Override
    void close();
}
