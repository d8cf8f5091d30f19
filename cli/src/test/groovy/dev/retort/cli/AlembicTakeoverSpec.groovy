package dev.retort.cli

import dev.retort.SchemaSnapshot
import dev.retort.spock.TestDatabase

import java.nio.file.Files
import java.nio.file.Path

/**
 * An Alembic project written the seeds' way (src/test/resources/alembic-project), run by Debian's real Alembic
 * (python3-alembic with python3-psycopg2; .ci/run installs both) and imported by Retort: the imported scripts build
 * the same schema; stamp --from-alembic takes the Alembic database over.
 */
class AlembicTakeoverSpec extends CliSpecification {
    static final List<String> TOOL_TABLES = ['retort_version', 'retort_history', 'alembic_version']

    Path alembicProject() {
        Path dir = project.resolve('alembic')
        Path source = Path.of(getClass().getResource('/alembic-project/env.py').toURI()).parent
        Files.walk(source).each { Path f ->
            Path dest = dir.resolve(source.relativize(f).toString())
            Files.isDirectory(f) ? Files.createDirectories(dest) : Files.copy(f, dest)
        }
        dir.resolve('alembic.ini').text = "[alembic]\nscript_location = ${dir}\n"
        return dir
    }

    // Alembic itself, on this spec's database; a missing Python package fails with the package to install
    void alembicUpgrade(Path dir, TestDatabase target) {
        def probe = new ProcessBuilder('/usr/bin/python3', '-c', 'import alembic, psycopg2').redirectErrorStream(true).start()
        String why = probe.inputStream.text
        assert probe.waitFor() == 0: "Alembic cannot run here (${why.readLines() ? why.readLines().last() : ''}); install the Debian " +
                "packages python3-alembic and python3-psycopg2 (.ci/run does)"
        String url = target.jdbcUrl.replace('jdbc:postgresql://', "postgresql://${target.user}:${target.password ?: ''}@")
        def pb = new ProcessBuilder('/usr/bin/python3', '-m', 'alembic', '-c', dir.resolve('alembic.ini').toString(), 'upgrade', 'heads')
        pb.environment().put('ALEMBIC_URL', url)
        pb.redirectErrorStream(true)
        def p = pb.start()
        String out = p.inputStream.text
        assert p.waitFor() == 0: out
    }

    SchemaSnapshot snapshot(TestDatabase target) {
        def c = target.connect()
        try {
            return SchemaSnapshot.take(c, TOOL_TABLES)
        } finally {
            c.close()
        }
    }

    def "import alembic writes scripts that build the schema Alembic builds; the unknown call is a TODO(import) line in the summary"() {
        given:
        Path dir = alembicProject()
        TestDatabase byAlembic = TestDatabase.create()

        when:
        def imp = run('import', 'alembic', dir.toString())
        def up = run('upgrade', 'heads')
        alembicUpgrade(dir, byAlembic)
        def ours = snapshot(db)
        def theirs = snapshot(byAlembic)

        then:
        imp.exit == 0
        imp.out.contains('Imported 7 Alembic revisions')
        imp.out.contains('3 TODO(import) line(s): statements not translated (kept as commented originals) or parts of them left out:')
        imp.out.readLines().findAll { it.startsWith('  TODO(import)') } == [
                "  TODO(import) versions/a1f3c2d9e0b7_add_user_preferences.py:17: column 'theme' has default= (SQLAlchemy fills it in"
                        + " on insert, in Python; it is not a server default, so the column is imported without one): add default: ... if the database should",
                '  TODO(import) versions/b80c16c4db24_create_users_table.py:25: op.inline_literal("an Alembic call the importer does not know")',
                "  TODO(import) versions/d4e5f6a7b8c9_batch_and_bind.py:18: column 'note' has default= (SQLAlchemy fills it in on insert,"
                        + " in Python; it is not a server default, so the column is imported without one): add default: ... if the database should"]
        project.resolve('migrations/b80c16c4db24_create_users_table.groovy').text.contains('// TODO(import)')

        and: 'the batch operations are the plain ones on the table; the connection\'s execute calls are sql steps'
        def batch = project.resolve('migrations/d4e5f6a7b8c9_batch_and_bind.groovy').text
        batch.contains("addColumn 'tasks', 'priority', 'integer'")
        batch.contains("alterColumn 'tasks', 'title', type: 'varchar(300)', nullable: false")
        batch.contains("sql 'UPDATE tasks SET priority = 1 WHERE priority IS NULL'")
        batch.contains("sql 'INSERT INTO tasks (title, priority) VALUES (\\'first\\', 2)'")
        batch.contains("createIndex 'ix_tasks_priority', on: 'tasks', columns: ['priority']")
        batch.contains("dropColumn 'tasks', 'priority'")
        !batch.contains('not translated')

        and:
        up.exit == 0
        versions() == ['d4e5f6a7b8c9']
        db.withSql { it.rows('SELECT title, priority FROM tasks') }.collect { [it.title, it.priority] } == [['first', 2]]
        ours.diff(theirs).isEmpty() || { assert false: ours.diff(theirs).join('\n') }()
        ours == theirs
        ours.toString().contains('taskstatus')

        cleanup:
        byAlembic?.close()
    }

    def "stamp --from-alembic on the Alembic-migrated database, then check: exit 0; alembic_version stays"() {
        given:
        Path dir = alembicProject()
        alembicUpgrade(dir, db)
        run('import', 'alembic', dir.toString())

        when:
        def s = run('stamp', '--from-alembic')
        def check = run('check')

        then:
        s.exit == 0
        versions() == ['d4e5f6a7b8c9']
        db.withSql { it.rows('SELECT version_num FROM alembic_version')*.version_num } == ['d4e5f6a7b8c9']
        check.exit == 0
        history().findAll { it.direction == 'upgrade' }.isEmpty()
    }

    def "bad input: a Python syntax error, an unknown down_revision: one line each, nothing written"() {
        given:
        Path dir = alembicProject()
        Path broken = dir.resolve('versions/ffff00001111_broken.py')

        when:
        broken.text = "revision = 'ffff00001111'\ndown_revision = 'd4e5f6a7b8c9'\n\ndef upgrade():\n    op.add_column('users', sa.Column('x', sa.Integer()\n"
        def syntax = run('import', 'alembic', dir.toString())
        broken.text = "revision = 'ffff00001111'\ndown_revision = 'deadbeef0000'\n\ndef upgrade():\n    pass\n"
        def unknown = run('import', 'alembic', dir.toString())

        then:
        syntax.exit == 3
        syntax.err.readLines()[0] =~ /versions.ffff00001111_broken.py:5: Python syntax error: '\(' was never closed/
        unknown.exit == 3
        unknown.err.readLines()[0] =~ /versions.ffff00001111_broken.py:2: down_revision 'deadbeef0000' is not the revision of any file in versions\//
        Files.list(project.resolve('migrations')).count() == 0
    }
}
