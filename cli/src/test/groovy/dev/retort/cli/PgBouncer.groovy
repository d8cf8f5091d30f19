package dev.retort.cli

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit

/**
 * A real PgBouncer (Debian's package) in transaction pooling mode in front of the test server, on a
 * random free port, with its ini in a temp dir; run as nobody when started by root (it refuses root).
 */
class PgBouncer implements AutoCloseable {
    static final String BINARY = '/usr/sbin/pgbouncer'
    final int port
    private final Process process
    private final Path dir

    private PgBouncer(int port, Process process, Path dir) {
        this.port = port
        this.process = process
        this.dir = dir
    }

    /** Null when it can run here; else why not (the spec prints it and skips). */
    static String unavailable() {
        Files.isExecutable(Path.of(BINARY)) ? null : "${BINARY} is not installed (Debian package pgbouncer; .ci/run installs it)"
    }

    static PgBouncer start(String serverHostPort, int poolSize = 4) {
        int serverPort = serverHostPort.substring(serverHostPort.lastIndexOf(':') + 1) as int
        int port = new ServerSocket(0).withCloseable { it.localPort }
        Path dir = Files.createTempDirectory('retort-pgbouncer')
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString('rwxr-xr-x'))
        Path users = dir.resolve('users.txt')
        users.text = '"postgres" ""\n'
        Path ini = dir.resolve('pgbouncer.ini')
        ini.text = """\
            [databases]
            * = host=127.0.0.1 port=${serverPort}
            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = ${port}
            unix_socket_dir =
            auth_type = trust
            auth_file = ${users}
            pool_mode = transaction
            default_pool_size = ${poolSize}
            max_client_conn = 500
            ignore_startup_parameters = extra_float_digits
            """.stripIndent()
        [users, ini].each { Files.setPosixFilePermissions(it, PosixFilePermissions.fromString('rw-r--r--')) }
        List<String> cmd = [BINARY]
        if (System.getProperty('user.name') == 'root') {
            cmd += ['-u', 'nobody']
        }
        cmd << ini.toString()
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve('log').toFile()).start()
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20)
        while (System.nanoTime() < deadline) {
            if (!p.alive) {
                throw new IllegalStateException("pgbouncer exited: " + dir.resolve('log').text)
            }
            try {
                new Socket('127.0.0.1', port).close()
                return new PgBouncer(port, p, dir)
            } catch (IOException ignored) {
                Thread.sleep(50)
            }
        }
        p.destroyForcibly()
        throw new IllegalStateException("pgbouncer did not listen on ${port}: " + dir.resolve('log').text)
    }

    /** A URL for database {@code db} through the pooler. */
    String url(String db) {
        "jdbc:postgresql://127.0.0.1:${port}/${db}?user=postgres"
    }

    String log() {
        dir.resolve('log').text
    }

    @Override
    void close() {
        process.destroy()
        process.waitFor(10, TimeUnit.SECONDS)
        if (process.alive) {
            process.destroyForcibly()
        }
    }
}
