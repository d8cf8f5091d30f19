package dev.retort.spock


import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Where test databases come from: {@code RETORT_TEST_PROVIDER} (or system property
 * {@code retort.test.provider}) is {@code embedded} (default: one embedded PostgreSQL per JVM, or the
 * server in {@code RETORT_TEST_URL}) or {@code testcontainers} (a PostgreSQL container per JVM when
 * Docker is there; otherwise the test fails with the reason within 20 s, never hung or skipped).
 */
final class DatabaseProviders {
    private static volatile TestcontainersServer container

    private DatabaseProviders() {}

    static String provider() {
        System.getProperty('retort.test.provider') ?: System.getenv('RETORT_TEST_PROVIDER') ?: 'embedded'
    }

    static TestDatabase create() {
        switch (provider()) {
            case 'embedded':
                return TestDatabase.create()
            case 'testcontainers':
                return TestDatabase.createOn(testcontainers().url)
            default:
                throw new IllegalArgumentException("RETORT_TEST_PROVIDER '${provider()}' is not embedded or testcontainers")
        }
    }

    private static synchronized TestcontainersServer testcontainers() {
        if (container == null) {
            String missing = dockerMissing()
            if (missing) {
                // asked for by name: a failure with the reason, never a skip that CI reports as green
                throw new IllegalStateException("RETORT_TEST_PROVIDER=testcontainers was asked for, but it needs Docker, and ${missing};"
                        + " start Docker, add org.testcontainers:postgresql to the test classpath, or use the embedded provider")
            }
            container = TestcontainersServer.start()
        }
        container
    }

    /** Why Docker cannot be used, or null; decided within 20 s, never a hang. */
    static String dockerMissing() {
        try {
            Class.forName('org.testcontainers.DockerClientFactory')
        } catch (ClassNotFoundException ignored) {
            return 'org.testcontainers:postgresql is not on the test classpath'
        }
        def pool = Executors.newSingleThreadExecutor({ r -> def t = new Thread(r, 'retort-docker-check'); t.daemon = true; t })
        try {
            boolean ok = pool.submit({ TestcontainersServer.dockerAvailable() } as Callable<Boolean>).get(20, TimeUnit.SECONDS)
            return ok ? null : 'no Docker engine answers on this machine'
        } catch (Exception e) {
            return "no Docker engine answered within 20 s (${e.class.simpleName})"
        } finally {
            pool.shutdownNow()
        }
    }
}
