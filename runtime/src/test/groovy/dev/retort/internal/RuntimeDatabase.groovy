package dev.retort.internal

import dev.retort.internal.config.DatabaseUrl
import dev.retort.internal.db.ScratchServer
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres

import java.nio.file.Files
import java.sql.Connection

/**
 * A fresh database per test for the runtime-level specs: one embedded PostgreSQL per JVM (zonky, as retort-embedded
 * and retort-spock start it), each database made and dropped by the runtime's one scratch builder, ScratchServer.
 */
final class RuntimeDatabase implements AutoCloseable {
    private static EmbeddedPostgres server
    private static ScratchServer scratch

    final DatabaseUrl url

    private RuntimeDatabase(DatabaseUrl url) {
        this.url = url
    }

    /** A new, empty database. */
    static RuntimeDatabase create() {
        new RuntimeDatabase(builder().createDatabase('rt'))
    }

    private static synchronized ScratchServer builder() {
        if (scratch == null) {
            server = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory('retort-runtime-pg'))
                    .setCleanDataDirectory(true).setServerConfig('fsync', 'off').setServerConfig('synchronous_commit', 'off').start()
            Runtime.runtime.addShutdownHook(new Thread({ server.close() } as Runnable))
            scratch = ScratchServer.open(DatabaseUrl.jdbc("localhost:${server.port}".toString(), 'postgres', 'postgres', null), 'the runtime specs need a server that allows CREATE DATABASE')
        }
        scratch
    }

    /** A plain connection (autocommit) to this database. */
    Connection connect() {
        ScratchServer.connect(url)
    }

    /** The first column of each row {@code sql} returns. */
    List<Object> column(String sql) {
        connect().withCloseable { c -> c.createStatement().withCloseable { st ->
            def rs = st.executeQuery(sql)
            def out = []
            while (rs.next()) {
                out << rs.getObject(1)
            }
            out
        } }
    }

    @Override
    void close() {
        scratch.dropDatabase(url)
    }
}
