package dev.retort.cli

import java.nio.file.Files
import java.nio.file.Path

/** model=jpa:PACKAGE with modelClasspath= from the CLI: revision --autogenerate, then check, from JPA entities. */
class JpaModelSpec extends CliSpecification {
    // the entity fixtures of retort-jpa's tests (compiled before this module in the reactor)
    static final Path CLASSES = Path.of('..', 'jpa', 'target', 'test-classes').toAbsolutePath().normalize()

    def "revision --autogenerate from JPA entities, upgrade, then check exits 0; a field added to an entity is exit 7 naming it"() {
        given:
        Files.writeString(project.resolve('retort.properties'), "model=jpa:dev.retort.jpa.fixture.base\nmodelClasspath=${CLASSES}\n")

        when:
        def r = run('revision', '--autogenerate', '-m', 'from entities')

        then:
        r.exit == 0
        r.out.contains("detected table 'users': in the model, not in the migrations (entity dev.retort.jpa.fixture.base.User)")
        Files.list(project.resolve('migrations')).withCloseable { it.toList() }.size() == 1

        expect:
        run('upgrade').exit == 0
        run('check').exit == 0

        when:
        def differs = run('check', '--model', 'jpa:dev.retort.jpa.fixture.newfield')

        then:
        differs.exit == 7
        differs.out.contains("problem: model: column 'users.nickname': in the model, not in the migrations (entity dev.retort.jpa.fixture.newfield.User, field nickname)")
    }

    def "modelExclude leaves tables the model adds but the migrations do not manage out of the comparison"() {
        given:
        Files.writeString(project.resolve('retort.properties'), "model=jpa:dev.retort.jpa.fixture.base\nmodelClasspath=${CLASSES}\n")
        run('revision', '--autogenerate', '-m', 'from entities').exit == 0
        run('upgrade').exit == 0

        when: 'the newentity model adds table project'
        def differs = run('check', '--model', 'jpa:dev.retort.jpa.fixture.newentity', '--model-classpath', CLASSES.toString())

        then:
        differs.exit == 7
        differs.out.contains("table 'project': in the model, not in the migrations (entity dev.retort.jpa.fixture.newentity.Project)")

        when:
        Files.writeString(project.resolve('retort.properties'), "model=jpa:dev.retort.jpa.fixture.newentity\nmodelClasspath=${CLASSES}\nmodelExclude=project\n")
        def excluded = run('check')

        then:
        excluded.exit == 0
    }

    def "a package with no entities is one line naming it"() {
        when:
        def r = run('check', '--model', 'jpa:com.example.nothing', '--model-classpath', CLASSES.toString())

        then:
        r.exit == 2
        r.err.readLines()[0].contains('no @Entity class in package com.example.nothing')
    }
}
