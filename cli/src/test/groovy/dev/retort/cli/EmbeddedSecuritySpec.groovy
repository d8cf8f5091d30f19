package dev.retort.cli

import dev.retort.embedded.ZonkyEmbeddedServer
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.sql.DriverManager
import java.sql.SQLException
import java.util.concurrent.TimeUnit

/** Issue 13 item 9: the embedded and scratch servers do not trust every local user as superuser. */
class EmbeddedSecuritySpec extends Specification {
    @TempDir
    Path dir

    def "a connection without the password is refused over TCP and over the socket; with it, it works"() {
        given:
        def server = ZonkyEmbeddedServer.start(dir.resolve('data'))
        String url = "jdbc:postgresql://${server.hostPort()}/postgres"

        when:
        DriverManager.getConnection(url, [user: 'postgres'] as Properties).close()

        then:
        def e = thrown(SQLException)
        e.SQLState.startsWith('28') || e.message.contains('password')

        when:
        DriverManager.getConnection(url, [user: 'postgres', password: 'wrong'] as Properties).close()

        then:
        def wrong = thrown(SQLException)
        wrong.SQLState == '28P01'

        when:
        def c = DriverManager.getConnection(url, [user: 'postgres', password: server.password()] as Properties)
        def settings = c.createStatement().executeQuery("SELECT current_setting('listen_addresses'), current_setting('unix_socket_directories')")
                .with { it.next(); [it.getString(1), it.getString(2)] }
        c.close()
        def psql = new ProcessBuilder('psql', '-h', server.socketDir().toString(), '-p', server.hostPort().split(':')[1],
                '-U', 'postgres', '-w', '-c', 'SELECT 1').redirectErrorStream(true)
        psql.environment().remove('PGPASSWORD')
        def p = psql.start()
        String psqlOut = p.inputStream.text
        p.waitFor(30, TimeUnit.SECONDS)

        then:
        server.hostPort().startsWith('127.0.0.1:')
        settings == ['127.0.0.1', server.socketDir().toString()]
        PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socketDir())) == 'rwx------'
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve('data.password'))) == 'rw-------'
        Files.readString(dir.resolve('data.password')).trim() == server.password()
        server.password().length() >= 32
        p.exitValue() != 0
        psqlOut.contains('password')

        cleanup:
        server?.close()
    }

    def "the next start on the same data directory uses the same password; a data directory that trusted everyone is locked"() {
        given:
        def first = ZonkyEmbeddedServer.start(dir.resolve('data'))
        String password = first.password()
        first.close()
        // what an older Retort left: trust for everyone, no password file
        Files.writeString(dir.resolve('data/pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n')
        Files.delete(dir.resolve('data.password'))

        when:
        def again = ZonkyEmbeddedServer.start(dir.resolve('data'))
        String url = "jdbc:postgresql://${again.hostPort()}/postgres"
        DriverManager.getConnection(url, [user: 'postgres'] as Properties).close()

        then:
        thrown(SQLException)
        again.password() != password
        DriverManager.getConnection(url, [user: 'postgres', password: again.password()] as Properties).close() == null

        cleanup:
        again?.close()
    }
}
