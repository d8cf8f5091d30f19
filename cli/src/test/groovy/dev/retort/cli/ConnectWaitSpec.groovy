package dev.retort.cli

import dev.retort.spock.TestDatabase
import groovy.json.JsonSlurper
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres

import java.nio.file.Files
import java.util.concurrent.CompletableFuture

/** --wait, --create-database, and the four connection failures told apart (README.md, Commands: all exit 4). */
class ConnectWaitSpec extends CliSpecification {
    def setup() {
        linear(2)
    }

    String roleUrl(String user, String password, String database = db.name) {
        "jdbc:postgresql://${TestDatabase.serverHostPort()}/${database}?user=${user}&password=${password}"
    }

    void role(String name, String password) {
        db.withSql { it.execute("DO \$\$ BEGIN CREATE ROLE ${name} LOGIN PASSWORD '${password}'; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$".toString()) }
    }

    def "--wait 20s started while the server is down succeeds once it comes up a few seconds later"() {
        given:
        int port = new ServerSocket(0).withCloseable { it.localPort }
        def dir = Files.createTempDirectory('retort-wait')
        env.RETORT_URL = "jdbc:postgresql://localhost:${port}/postgres?user=postgres".toString()

        when:
        def running = CompletableFuture.supplyAsync { run('--wait', '20s', 'upgrade') }
        Thread.sleep(3000)
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir).setCleanDataDirectory(true).start()
        def r = running.get()
        def applied = pg.postgresDatabase.connection.withCloseable { c ->
            c.createStatement().executeQuery('SELECT version_num FROM retort_version').withCloseable { rs -> rs.next() ? rs.getString(1) : null }
        }
        pg.close()

        then:
        r.exit == 0
        r.err.readLines().count { it.startsWith("retort: waiting up to 20 s for postgres@localhost:${port}/postgres (server unreachable") } == 1
        applied == 'r02'
    }

    def "--wait gives up after its duration on a server that never comes, with the reason"() {
        given:
        int port = new ServerSocket(0).withCloseable { it.localPort }
        env.RETORT_URL = "jdbc:postgresql://localhost:${port}/postgres?user=postgres".toString()
        long t0 = System.nanoTime()

        when:
        def r = run('--wait', '2s', 'current')

        then:
        r.exit == 4
        (System.nanoTime() - t0) / 1e9 >= 2
        r.err.contains('server unreachable')
        r.err.contains('gave up after waiting 2 s')
    }

    def "a wrong password with --wait fails at once and is not retried"() {
        given:
        role('wait_app', 'right')
        env.RETORT_URL = roleUrl('wait_app', 'wrong')
        long t0 = System.nanoTime()

        when:
        def r = run('--wait', '20s', 'upgrade')

        then:
        r.exit == 4
        (System.nanoTime() - t0) / 1e9 < 10
        r.err.readLines()[0].contains('authentication failed')
        !r.err.contains('waiting up to')
        versions() == []
    }

    def "--create-database creates a missing database and migrates it (createDatabase=true in retort.properties too)"() {
        given:
        String name = "retort_created_${System.nanoTime()}"
        env.RETORT_URL = "jdbc:postgresql://${TestDatabase.serverHostPort()}/${name}?user=postgres".toString()
        if (viaFile) {
            Files.writeString(project.resolve('retort.properties'), 'createDatabase=true\n')
        }

        when:
        def r = viaFile ? run('upgrade') : run('--create-database', 'upgrade')
        def applied = db.withSql { sql ->
            sql.firstRow('SELECT count(*) AS n FROM pg_database WHERE datname = ?', [name]).n
        }

        then:
        r.exit == 0
        r.err.contains("created database ${name}")
        applied == 1
        run('current').out.trim() == 'r02 (head)'

        cleanup:
        db.withSql { it.execute("DROP DATABASE IF EXISTS ${name} WITH (FORCE)".toString()) }

        where:
        viaFile << [false, true]
    }

    def "--create-database where the role may not create databases is a clear error"() {
        given:
        role('nocreate_app', 'pw')
        env.RETORT_URL = roleUrl('nocreate_app', 'pw', "retort_never_${System.nanoTime()}")

        when:
        def r = run('--create-database', 'upgrade')

        then:
        r.exit == 4
        r.err.readLines()[0].contains('database does not exist, and --create-database could not create it: the role may not create databases')
    }

    def "the four connection failures print four different first lines and reasons, all exit 4"() {
        given:
        role('limited_app', 'pw')
        def cases = [
                unreachable: 'postgresql://app:pw@127.0.0.1:1/appdb',
                auth       : roleUrl('limited_app', 'wrong'),
                missing    : "jdbc:postgresql://${TestDatabase.serverHostPort()}/no_such_db_here?user=postgres".toString(),
                permission : roleUrl('limited_app', 'pw'),
        ]

        when:
        Map<String, Result> results = cases.collectEntries { k, url -> env.RETORT_URL = url; [k, run('upgrade')] }
        Map<String, Map> json = cases.collectEntries { k, url -> env.RETORT_URL = url; [k, new JsonSlurper().parseText(run('--json', 'upgrade').out) as Map] }
        Map<String, String> first = results.collectEntries { k, r -> [k, r.err.readLines()[0]] }

        then:
        results.values()*.exit.every { it == 4 }
        first.unreachable.contains(': server unreachable (')
        first.auth.contains(': authentication failed (')
        first.missing.contains(': database does not exist (')
        first.permission.startsWith("error: permission denied on Retort's tables: ")
        first.values().toSet().size() == 4
        json.collectEntries { k, v -> [k, v.reason] } == [unreachable: 'server_unreachable', auth: 'authentication_failed',
                                                           missing: 'database_missing', permission: 'permission_denied']
        json.values()*.exit.every { it == 4 }
        versions() == []
    }
}
