package dev.retort.spock

import org.testcontainers.DockerClientFactory
import org.testcontainers.containers.PostgreSQLContainer

/** A PostgreSQL container, one per JVM; only loaded when the testcontainers provider is asked for. */
final class TestcontainersServer {
    final PostgreSQLContainer<?> container

    private TestcontainersServer(PostgreSQLContainer<?> container) {
        this.container = container
    }

    static boolean dockerAvailable() {
        DockerClientFactory.instance().isDockerAvailable()
    }

    static TestcontainersServer start() {
        def c = new PostgreSQLContainer<>('postgres:17-alpine')
        c.start()
        Runtime.runtime.addShutdownHook(new Thread({ c.stop() } as Runnable))
        new TestcontainersServer(c)
    }

    /** postgresql://user:password@host:port/db of the container's default database. */
    String getUrl() {
        "postgresql://${container.username}:${container.password}@${container.host}:${container.firstMappedPort}/${container.databaseName}"
    }
}
