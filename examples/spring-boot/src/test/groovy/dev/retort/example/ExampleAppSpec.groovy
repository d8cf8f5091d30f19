package dev.retort.example

import dev.retort.Retort
import dev.retort.spock.TestDatabase
import groovy.json.JsonSlurper
import org.springframework.boot.builder.SpringApplicationBuilder
import org.springframework.context.ConfigurableApplicationContext
import spock.lang.Specification
import spock.lang.TempDir

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

/** Boots the example application on a fresh embedded PostgreSQL database per feature. */
class ExampleAppSpec extends Specification {
    @TempDir
    Path dir
    TestDatabase db
    ConfigurableApplicationContext context

    def setup() {
        db = TestDatabase.create()
    }

    def cleanup() {
        context?.close()
        db?.close()
    }

    ConfigurableApplicationContext boot(Map<String, Object> props = [:]) {
        Map<String, Object> all = ['spring.datasource.url'     : db.jdbcUrl, 'spring.datasource.username': db.user,
                                   'spring.datasource.password': db.password ?: '', 'server.port': '0',
                                   'spring.main.banner-mode'   : 'off'] + props
        // as command-line arguments, so they win over application.properties
        new SpringApplicationBuilder(ExampleApplication).run(all.collect { k, v -> "--${k}=${v}".toString() } as String[])
    }

    Map get(String path, int expectedStatus = 200) {
        String port = context.environment.getProperty('local.server.port')
        def response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:${port}${path}")).build(),
                HttpResponse.BodyHandlers.ofString())
        assert response.statusCode() == expectedStatus: response.body()
        def body = new JsonSlurper().parseText(response.body())
        return body instanceof Map ? body : [items: body]
    }

    List<String> tables() {
        db.withSql { sql -> sql.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")*.table_name }
    }

    def "the application starts with ddl-auto=validate on an empty database: Retort migrated before Hibernate validated"() {
        when:
        context = boot()

        then: 'the schema is at head and the JPA repository reads it'
        db.withSql { it.firstRow('SELECT version_num FROM retort_version').version_num } == '3b8d2e6f9a14'
        get('/tasks').items == [[title: 'write the first program', status: 'pending', owner: 'ada']]

        and: '/actuator/retort lists every revision as applied, with the heads and current'
        def report = get('/actuator/retort')
        report.heads == ['3b8d2e6f9a14']
        report.current == ['3b8d2e6f9a14']
        report.revisions*.id == ['b80c16c4db24', 'a1f3c2d9e0b7', '3b8d2e6f9a14']
        report.revisions.every { it.applied && it.checksum == 'MATCHES' }

        and: 'the health contributor is UP'
        get('/actuator/health').components.retort.status == 'UP'
    }

    def "without the starter's auto-configuration the same application fails Hibernate's validation (so the ordering is proven)"() {
        when:
        context = boot('spring.autoconfigure.exclude': 'dev.retort.spring.RetortAutoConfiguration')

        then:
        def e = thrown(Exception)
        causes(e).any { it.message?.contains('missing table') }
        tables() == []
    }

    def "retort.enabled=false runs nothing and creates no Retort bean"() {
        when:
        context = boot('retort.enabled': 'false', 'spring.jpa.hibernate.ddl-auto': 'none')

        then:
        context.getBeanNamesForType(Retort).length == 0
        tables() == []
    }

    def "a RetortMigrationStrategy bean replaces the upgrade: check-only fails start-up on a database that is behind, naming the revisions"() {
        when:
        context = boot('example.check-only': 'true')

        then:
        def e = thrown(Exception)
        causes(e).any { it.message == 'retort check: 3 revision(s) not applied: b80c16c4db24, a1f3c2d9e0b7, 3b8d2e6f9a14; run \'retort upgrade heads\'' }
        !tables().contains('users')
    }

    def "health is DOWN after a script of an applied revision is edited"() {
        given: 'the scripts in a folder, applied by a first start'
        Path scripts = Files.createDirectories(dir.resolve('db'))
        Path source = Paths.get('src/main/resources/db/retort')
        Files.list(source).each { Files.copy(it, scripts.resolve(it.fileName)) }
        context = boot('retort.locations': scripts.toString())
        context.close()

        when: 'the first script is edited and the application starts again (letting upgrade run past the edit)'
        Path first = scripts.resolve('001_create_users.groovy')
        Files.writeString(first, Files.readString(first).replace("'varchar(255)'", "'varchar(300)'"))
        context = boot('retort.locations': scripts.toString(), 'retort.validate-checksums': 'false')
        def health = get('/actuator/health', 503)

        then:
        health.components.retort.status == 'DOWN'
        health.components.retort.details.edited == ['b80c16c4db24']
        get('/actuator/retort').revisions.find { it.id == 'b80c16c4db24' }.checksum == 'EDITED'
    }

    def "upgrade refuses by default to start after an applied script was edited, naming the file"() {
        given:
        Path scripts = Files.createDirectories(dir.resolve('db'))
        Files.list(Paths.get('src/main/resources/db/retort')).each { Files.copy(it, scripts.resolve(it.fileName)) }
        boot('retort.locations': scripts.toString()).close()
        Path first = scripts.resolve('001_create_users.groovy')
        Files.writeString(first, Files.readString(first) + '\n// edited\n')

        when:
        context = boot('retort.locations': scripts.toString())

        then:
        def e = thrown(Exception)
        causes(e).any { it.message?.contains('(revision b80c16c4db24) was edited after it was applied') }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> out = []
        for (Throwable t = e; t != null && !out.contains(t); t = t.cause) {
            out << t
        }
        return out
    }
}
