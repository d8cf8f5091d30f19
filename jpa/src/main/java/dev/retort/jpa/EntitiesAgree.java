package dev.retort.jpa;

import dev.retort.Retort;
import org.junit.jupiter.api.Assertions;

import java.nio.file.Path;
import java.util.List;

/**
 * The ready check "entities and migrations agree" for plain JUnit 5 (retort-spock has it as
 * {@code entitiesAndMigrationsAgree}): the migrations, built on a scratch database, must give the schema
 * Hibernate generates for the entities; otherwise the test fails with every difference, each naming the entity
 * and field.
 *
 * <pre>{@code
 * @Test
 * void entitiesAndMigrationsAgree() {
 *     EntitiesAgree.check(Path.of("."), List.of("src/main/resources/db/retort"), "com.example.domain", List.of(Path.of("target/classes")));
 * }
 * }</pre>
 */
public final class EntitiesAgree {
    private EntitiesAgree() {
    }

    /** The differences, one a line; empty when the migrations build the entities' schema. */
    public static List<String> differences(Path projectDir, List<String> locations, String entityPackage, List<Path> classpath) {
        try (Retort retort = Retort.configure().projectDir(projectDir).locations(locations).load()) {
            return retort.models().compareSource("jpa:" + entityPackage, classpath, null, false).differences();
        }
    }

    /** Fails (JUnit's {@code AssertionFailedError}) with every difference when the entities and the migrations disagree. */
    public static void check(Path projectDir, List<String> locations, String entityPackage, List<Path> classpath) {
        List<String> differences = differences(projectDir, locations, entityPackage, classpath);
        if (!differences.isEmpty()) {
            Assertions.fail("the migrations do not build the schema of the entities in " + entityPackage
                    + " (write a migration, e.g. 'retort revision --autogenerate -m MSG'):\n" + String.join("\n", differences));
        }
    }
}
