package dev.retort.jpa

import dev.retort.ModelComparison
import dev.retort.Retort
import dev.retort.SchemaSnapshot
import dev.retort.spock.TestDatabase
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager

/**
 * JPA entities as the model: for each entity change, autogenerate writes the expected script, the script applies,
 * the entities and the migrations then agree, and downgrade -1 restores the schema from before.
 */
class JpaAutogenerateSpec extends Specification {
    static final List<Path> CLASSES = [Path.of('target', 'test-classes').toAbsolutePath()]

    @TempDir
    Path project
    TestDatabase db

    def setup() {
        db = TestDatabase.create()
        Files.createDirectories(project.resolve('migrations'))
    }

    def cleanup() {
        db?.close()
    }

    private Retort retort() {
        Retort.configure().url(db.url).projectDir(project).locations(['migrations']).load()
    }

    // scratch databases on the test's own server: the embedded default (started per comparison) is EntitiesAgreeSpec's
    private ModelComparison compare(String variant) {
        retort().withCloseable { it.models().compareSource("jpa:dev.retort.jpa.fixture.${variant}", CLASSES, db.url, true) }
    }

    private void write(String id, String revises, ModelComparison diff) {
        Files.writeString(project.resolve("migrations/${id}.groovy"), """\
            revision '${id}'
            ${revises ? "revises '${revises}'" : ''}
            message 'from the entities'

            upgrade {
            ${diff.upgrade()}
            }

            downgrade {
            ${diff.downgrade()}
            }
            """.stripIndent())
    }

    private SchemaSnapshot snapshot() {
        db.connect().withCloseable { c ->
            SchemaSnapshot.take(c, ['retort_version', 'retort_history'])
        }
    }

    @Unroll
    def "entity change '#change': the script has #expected, applies, then agrees; downgrade -1 restores the schema"() {
        given: 'the migrations build the base entities'
        ModelComparison first = compare('base')
        write('r1', null, first)
        retort().withCloseable { it.upgrade('head') }
        SchemaSnapshot before = snapshot()

        expect: 'and agree with them'
        compare('base').differences() == []

        when:
        ModelComparison diff = compare(change)

        then:
        !diff.differences().isEmpty()
        diff.unresolved() == []
        expected.findAll { !diff.upgrade().contains(it) } == []

        when:
        write('r2', 'r1', diff)
        retort().withCloseable { it.upgrade('head') }

        then:
        compare(change).differences() == []

        when:
        retort().withCloseable { it.downgrade('-1') }

        then:
        before.diff(snapshot()) == []

        where:
        change              | expected
        'newentity'         | ["createTable('project')", "'bigint'", "identity: true", "'oid'"]
        'newfield'          | ["addColumn 'users', 'nickname', 'varchar(40)'"]
        'nullable'          | ["alterColumn 'users', 'email', nullable: false"]
        'length'            | ["alterColumn 'users', 'username', type: 'varchar(200)'"]
        'index'             | ["createIndex 'idx_users_email', on: 'users', columns: ['email']"]
        'unique'            | ["addUniqueConstraint 'uq_users_username', table: 'users', columns: ['username']"]
        'manytoone'         | ["addColumn 'task', 'owner_id', 'bigint'", "addForeignKey", "references: 'users'"]
        'enumstring'        | ["addColumn 'task', 'status', 'varchar(20)'", "addCheckConstraint 'task_status_check', table: 'task', check: \"status IN ('OPEN', 'DONE')\""]
        'enumpg'            | ["createEnum 'status', ['DONE', 'OPEN']", "addColumn 'task', 'status', 'status'"]
        'rename'            | ["renameColumn 'users', 'email', 'mail'"]
        'embeddable'        | ["addColumn 'users', 'street', 'varchar(100)'", "addColumn 'users', 'city', 'varchar(60)'"]
        'elementcollection' | ["createTable('user_tags')", "column 'tag',     'varchar(50)'", "foreignKey ['user_id'], references: 'users', columns: ['id']"]
        'singletable'       | ["createTable('animal')", "column 'dtype', 'varchar(31)', nullable: false", "column 'bark',  'varchar(30)'", "check \"dtype IN ('Animal', 'Dog')\""]
        'version'           | ["addColumn 'users', 'version', 'bigint'"]
        'uuid'              | ["createTable('document')", "column 'id',   'uuid',         primaryKey: true", "column 'body', 'oid'"]
        'dropped'           | ["dropTable 'task'"]
    }

    def "a difference names the entity class and field it came from"() {
        given:
        write('r1', null, compare('base'))
        retort().withCloseable { it.upgrade('head') }

        when:
        List<String> differences = compare('newfield').differences()

        then:
        differences.size() == 1
        differences[0].contains("'users.nickname'")
        differences[0].contains('entity dev.retort.jpa.fixture.newfield.User, field nickname')
    }

    def "a package without entities is one clear error naming the package"() {
        when:
        compare('nosuchpackage')

        then:
        def e = thrown(dev.retort.ConfigException)
        e.message.contains('no @Entity class in package dev.retort.jpa.fixture.nosuchpackage')
    }
}
