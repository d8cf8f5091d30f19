package dev.retort.cli

import java.nio.file.Files
import java.nio.file.Path

/** retort model --from-db / --from-migrations write a complete schema.groovy; model.tables scopes a partial model. */
class ModelFromSpec extends CliSpecification {
    static final Path EXAMPLE = Path.of('..', 'migrations-example').toAbsolutePath().normalize()

    def setup() {
        Files.list(EXAMPLE.resolve('migrations')).withCloseable { it.toList() }.each { f ->
            Files.copy(f, project.resolve('migrations').resolve(f.fileName))
        }
    }

    def "model --from-db on the example database, then check with that model: exit 0; one model change is then found"() {
        given:
        run('upgrade', 'heads').exit == 0

        when:
        def r = run('model', '--from-db')
        String model = project.resolve('schema.groovy').text

        then:
        r.exit == 0
        r.out.contains('Wrote schema.groovy')
        model.contains("createTable('users')")
        model.contains("createEnum 'taskstatus'")
        !model.contains('retort_version')

        when:
        def check = run('check')

        then:
        check.exit == 0
        check.out.contains('the migrations build the schema model')

        when:
        project.resolve('schema.groovy').text = model.replaceFirst(/(createTable\('tasks'\) \{\n)/, '$1    column \'due_on\', \'date\'\n')
        def differs = run('check')

        then:
        differs.exit == 7
        differs.out.contains("column 'tasks.due_on': in the model, not in the migrations")
    }

    def "model --from-migrations writes the same kind of model without any database at all, and check agrees"() {
        given:
        env.RETORT_URL = 'postgresql://u@127.0.0.1:1/nowhere'

        when:
        def r = run('model', '--from-migrations')

        then:
        r.exit == 0
        project.resolve('schema.groovy').text.contains("createTable('tasks')")

        when:
        env.RETORT_URL = db.url
        run('upgrade', 'heads').exit == 0
        def check = run('check')

        then:
        check.exit == 0
    }

    def "an existing schema.groovy is not overwritten without --force"() {
        given:
        project.resolve('schema.groovy').text = '// mine\n'

        when:
        def r = run('model', '--from-migrations')

        then:
        r.exit == 2
        r.err.readLines()[0].contains('schema.groovy exists; add --force')
        project.resolve('schema.groovy').text == '// mine\n'

        expect:
        run('model', '--from-migrations', '--force').exit == 0
        project.resolve('schema.groovy').text.contains("createTable('users')")
    }

    def "a partial model referencing an undeclared table fails without model.tables, and with it compares only its tables"() {
        given:
        run('upgrade', 'heads').exit == 0
        project.resolve('schema.groovy').text = '''\
            enumType 'taskstatus', ['pending', 'running', 'done', 'failed']
            table('tasks') {
                column 'id',         'bigint',       primaryKey: true, identity: true
                column 'title',      'varchar(200)', nullable: false
                column 'status',     'taskstatus',   nullable: false, default: 'pending'
                column 'owner_id',   'bigint',       references: 'users.id', onDelete: 'set null'
                column 'created_at', 'timestamptz',  nullable: false, defaultSql: 'now()'
                index 'idx_tasks_status', columns: ['status'], where: "status <> 'done'"
            }
            '''.stripIndent()

        when:
        def unscoped = run('check')

        then:
        unscoped.exit != 0
        unscoped.all.contains('users')

        when:
        Files.writeString(project.resolve('retort.properties'), 'model.tables=tasks\n')
        def scoped = run('check')

        then:
        scoped.exit == 0

        when:
        project.resolve('schema.groovy').text = project.resolve('schema.groovy').text.replace("'varchar(200)'", "'varchar(300)'")
        def differs = run('check', '--model-tables', 'tasks')

        then:
        differs.exit == 7
        differs.out.readLines().count { it.startsWith('problem: model:') } == 1
        differs.out.contains('tasks.title')
    }

    def "a partial model that declares a table outside model.tables is one line naming it"() {
        given:
        project.resolve('schema.groovy').text = "table('extra') { column 'id', 'bigint', primaryKey: true }\n"
        Files.writeString(project.resolve('retort.properties'), 'model.tables=tasks\n')

        when:
        def r = run('check')

        then:
        r.exit == 2
        r.err.readLines()[0].contains('declares table(s) extra outside model.tables=tasks')
    }
}
