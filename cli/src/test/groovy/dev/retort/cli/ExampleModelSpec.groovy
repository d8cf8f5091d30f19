package dev.retort.cli

import java.nio.file.Files
import java.nio.file.Path

/** migrations-example with its schema.groovy: check agrees with the model, and names a model change. */
class ExampleModelSpec extends CliSpecification {
    static final Path EXAMPLE = Path.of('..', 'migrations-example').toAbsolutePath().normalize()

    def setup() {
        Files.list(EXAMPLE.resolve('migrations')).withCloseable { it.toList() }.each { f ->
            Files.copy(f, project.resolve('migrations').resolve(f.fileName))
        }
        Files.copy(EXAMPLE.resolve('schema.groovy'), project.resolve('schema.groovy'))
    }

    def "check exits 0 on the example with its model (on the default embedded scratch), and 7 after one model change, naming it"() {
        given:
        run('upgrade', 'heads').exit == 0

        when:
        def agreed = run('check')

        then:
        agreed.exit == 0
        agreed.out.contains('the migrations build the schema model')

        when:
        Path model = project.resolve('schema.groovy')
        model.text = model.text.replace("column 'title',      'varchar(200)', nullable: false",
                "column 'title',      'varchar(200)', nullable: false\n    column 'due_on',     'date'")
        def differs = run('check')

        then:
        differs.exit == 7
        differs.out.contains("problem: model: column 'tasks.due_on': in the model, not in the migrations")
        differs.out.readLines().count { it.startsWith('problem: model:') } == 1
    }

    def "autogenerate on the example writes the one change, and the example then agrees with the model again"() {
        given:
        run('upgrade', 'heads')
        Path model = project.resolve('schema.groovy')
        model.text = model.text.replace("index 'idx_tasks_status', columns: ['status'], where: \"status <> 'done'\"",
                "index 'idx_tasks_status', columns: ['status'], where: \"status <> 'done'\"\n    index 'idx_tasks_owner', columns: ['owner_id']")

        when:
        def gen = run('revision', '--autogenerate', '-m', 'index tasks.owner_id', '--rev-id', 'abc123', '--scratch-url', db.url)
        def text = project.resolve('migrations').toFile().listFiles().find { it.name.contains('abc123') }.text

        then:
        gen.exit == 0
        text.contains("createIndex 'idx_tasks_owner', on: 'tasks', columns: ['owner_id'], concurrently: true")
        text.contains("dropIndex 'idx_tasks_owner', concurrently: true")

        when:
        def up = run('upgrade', 'heads')
        def check = run('check', '--scratch-url', db.url)

        then:
        up.exit == 0
        check.exit == 0
    }
}
