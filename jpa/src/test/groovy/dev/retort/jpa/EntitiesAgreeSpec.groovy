package dev.retort.jpa

import dev.retort.Retort
import dev.retort.spock.MigrationSpecification
import org.opentest4j.AssertionFailedError
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The ready check "entities and migrations agree" (retort-spock's entitiesAndMigrationsAgree and JUnit 5's
 * EntitiesAgree.check) on a test project: it passes when the migrations build the entities, and after a field is
 * added without a migration it fails naming the entity and the field.
 */
class EntitiesAgreeSpec extends MigrationSpecification {
    static final List<Path> CLASSES = [Path.of('target', 'test-classes').toAbsolutePath()]

    @TempDir
    Path dir

    @Override
    Path projectDir() {
        dir
    }

    def setup() {
        Files.createDirectories(dir.resolve('migrations'))
        String upgrade = Retort.configure().projectDir(dir).locations(['migrations']).load().withCloseable {
            it.models().compareSource('jpa:dev.retort.jpa.fixture.base', CLASSES, null, true).upgrade()
        }
        Files.writeString(dir.resolve('migrations/001_base.groovy'), "revision 'base1'\nupgrade {\n${upgrade}\n}\n")
    }

    def "the entities and the migrations agree (Spock helper and JUnit 5 helper)"() {
        expect:
        entitiesAndMigrationsAgree('jpa:dev.retort.jpa.fixture.base', CLASSES)
        EntitiesAgree.differences(dir, ['migrations'], 'dev.retort.jpa.fixture.base', CLASSES) == []

        when:
        EntitiesAgree.check(dir, ['migrations'], 'dev.retort.jpa.fixture.base', CLASSES)

        then:
        noExceptionThrown()
    }

    def "after a field is added without a migration, the Spock check fails naming the entity and the field"() {
        when:
        entitiesAndMigrationsAgree('jpa:dev.retort.jpa.fixture.newfield', CLASSES)

        then:
        AssertionError e = thrown()
        e.message.contains("column 'users.nickname': in the model, not in the migrations (entity dev.retort.jpa.fixture.newfield.User, field nickname)")
    }

    def "and the JUnit 5 check fails the same way"() {
        when:
        EntitiesAgree.check(dir, ['migrations'], 'dev.retort.jpa.fixture.newfield', CLASSES)

        then:
        AssertionFailedError e = thrown()
        e.message.contains('entity dev.retort.jpa.fixture.newfield.User, field nickname')
        e.message.readLines().size() == 2
    }
}
