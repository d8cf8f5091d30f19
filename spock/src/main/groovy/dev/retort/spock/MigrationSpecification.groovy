package dev.retort.spock

import dev.retort.Retort
import dev.retort.RunResult
import dev.retort.SchemaSnapshot
import dev.retort.VerifyReport
import groovy.sql.GroovyRowResult
import groovy.sql.Sql
import spock.lang.Specification

import java.nio.file.Path

/**
 * A Spock base for testing migrations: each feature gets a fresh, empty PostgreSQL database (embedded
 * by default; {@code RETORT_TEST_URL} for an existing server; Testcontainers with
 * {@code RETORT_TEST_PROVIDER=testcontainers}) and helpers bound to the project's scripts.
 *
 * <pre>
 * class UsersSpec extends MigrationSpecification {
 *     def "email is filled before it becomes NOT NULL"() {
 *         given: migrateTo 'a1f3c2d9e0b7'
 *         insert 'users', [username: 'ada']
 *         when: migrateTo 'head'
 *         then: firstRow("SELECT email FROM users").email == 'ada@example.com'
 *     }
 * }
 * </pre>
 * Override {@link #locations()} or {@link #projectDir()} when the scripts are not in {@code migrations/}.
 */
abstract class MigrationSpecification extends Specification {
    /** This feature's database. */
    TestDatabase database

    /** The script locations, relative to {@link #projectDir()} (default {@code migrations}). */
    List<String> locations() {
        ['migrations']
    }

    /** Where the locations are (default: the working directory, i.e. the Maven module). */
    Path projectDir() {
        Path.of('').toAbsolutePath()
    }

    def setup() {
        database = DatabaseProviders.create()
    }

    def cleanup() {
        database?.close()
    }

    /** A runner on this feature's database; closed after use. */
    def <T> T withRetort(@DelegatesTo(Retort) Closure<T> body) {
        Retort.configure().url(database.url).projectDir(projectDir()).locations(locations()).load().withCloseable { Retort r ->
            body.delegate = r
            body.call(r)
        }
    }

    // ---- moving the database ----------------------------------------------------------------

    /** Upgrades to {@code target} (head, a revision, +N, LABEL@head, ...). */
    RunResult migrateTo(String target = 'head') {
        withRetort { Retort r -> r.upgrade(target) }
    }

    /** One revision up. */
    RunResult migrateUpOne() {
        migrateTo('+1')
    }

    /** Downgrades to {@code target} (a revision, -N, base). */
    RunResult migrateDown(String target) {
        withRetort { Retort r -> r.downgrade(target) }
    }

    /** One revision down. */
    RunResult migrateDownOne() {
        migrateDown('-1')
    }

    /** The revision(s) the database is at. */
    List<String> current() {
        withRetort { Retort r -> r.current() }
    }

    // ---- data -------------------------------------------------------------------------------

    /** Inserts one row; with {@code at:} the database is first brought to that revision (pytest-alembic's at_revision_data). */
    void insert(Map options = [:], String table, Map<String, Object> row) {
        if (options.at) {
            migrateTo(options.at as String)
        }
        String columns = row.keySet().collect { '"' + it.replace('"', '""') + '"' }.join(', ')
        String marks = row.keySet().collect { '?' }.join(', ')
        sql { Sql s -> s.executeInsert("INSERT INTO \"${table.replace('"', '""')}\" (${columns}) VALUES (${marks})".toString(), row.values() as List) }
    }

    /** All rows of a query. */
    List<GroovyRowResult> rows(String query, List params = []) {
        sql { Sql s -> s.rows(query, params) }
    }

    /** The first row of a query, or null. */
    GroovyRowResult firstRow(String query, List params = []) {
        sql { Sql s -> s.firstRow(query, params) }
    }

    /** Runs {@code body} with a groovy.sql.Sql on this feature's database. */
    def <T> T sql(Closure<T> body) {
        database.withSql(body)
    }

    // ---- schema -----------------------------------------------------------------------------

    /** The schema now, without Retort's own tables. */
    SchemaSnapshot snapshot() {
        database.connect().withCloseable { SchemaSnapshot.take(it, ['retort_version', 'retort_history']) }
    }

    boolean hasTable(String table, String schema = 'public') {
        firstRow("SELECT to_regclass(?) IS NOT NULL AS e", [schema + '.' + table]).e
    }

    /** A column, optionally of a type (as format_type prints it: 'character varying(255)', 'bigint') and nullability. */
    boolean hasColumn(Map options = [:], String table, String column) {
        def row = firstRow("""SELECT format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
                FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped""",
                [(options.schema ?: 'public') + '.' + table, column])
        row != null && (options.type == null || row.type == options.type) && (options.nullable == null || row.nullable == options.nullable)
    }

    /** An index by name; {@code unique:}, {@code valid:} and {@code on:} (table) narrow it. */
    boolean hasIndex(Map options = [:], String name) {
        def row = firstRow("""SELECT i.indisunique AS unique, i.indisvalid AS valid, t.relname AS table FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid WHERE c.relname = ?""", [name])
        row != null && (options.unique == null || row.unique == options.unique) && (options.valid == null || row.valid == options.valid) &&
                (options.on == null || row.table == options.on)
    }

    /** A constraint on a table by name; {@code type:} is p, u, f or c. */
    boolean hasConstraint(Map options = [:], String table, String name) {
        def row = firstRow("SELECT contype FROM pg_constraint WHERE conrelid = to_regclass(?) AND conname = ?",
                [(options.schema ?: 'public') + '.' + table, name])
        row != null && (options.type == null || row.contype == options.type)
    }

    // ---- ready checks (each one line in a spec) -----------------------------------------------

    /** True when the scripts have exactly one head. */
    boolean singleHead() {
        withRetort { Retort r -> r.heads().size() == 1 }
    }

    /** Upgrades from base to every head; true when the database ends at the heads. */
    boolean upgradesFromBaseToHead() {
        withRetort { Retort r ->
            r.upgrade('heads')
            r.graph().appliedSet(r.current()).containsAll(r.heads()*.id())
        }
    }

    /**
     * Each revision up, down and up again, comparing schemas: the downgrade must leave no trace and the
     * second upgrade must give the same schema. The report's diff says what broke.
     */
    VerifyReport upDownConsistency(String range = null) {
        withRetort { Retort r -> r.verify(range) }
    }

    /**
     * The differences between what the migrations build and a model: {@code model} is {@code jpa:PACKAGE} (JPA
     * entities, retort-jpa on the test classpath; {@code classpath} says where the classes are, default
     * {@code target/classes}) or the path of a schema.groovy. Empty when they agree (pytest-alembic's model-match test).
     */
    List<String> modelDifferences(String model, List<java.nio.file.Path> classpath = [java.nio.file.Path.of('target', 'classes')]) {
        withRetort { Retort r ->
            model ==~ /[a-z]{2,}:.+/ ? r.models().compareSource(model, classpath, null, false).differences()
                    : r.models().compare([projectDir().resolve(model)], null, false).differences()
        }
    }

    /** The ready check "entities and migrations agree": fails with every difference, one a line. */
    void entitiesAndMigrationsAgree(String model, List<java.nio.file.Path> classpath = [java.nio.file.Path.of('target', 'classes')]) {
        List<String> differences = modelDifferences(model, classpath)
        assert differences.isEmpty(), "the migrations do not build the model ${model} (write a migration, e.g. " +
                "'retort revision --autogenerate -m MSG'):\n" + differences.join('\n')
    }

    /** All revisions up, then all down to base: the schema must be as it was before. */
    List<String> downgradeToBaseLeavesNoTrace() {
        SchemaSnapshot before = snapshot()
        migrateTo('heads')
        migrateDown('base')
        before.diff(snapshot())
    }
}
