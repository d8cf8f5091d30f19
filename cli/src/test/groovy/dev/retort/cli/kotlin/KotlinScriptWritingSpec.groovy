package dev.retort.cli.kotlin

import dev.retort.cli.CliSpecification

import java.nio.file.Files

/** revision --lang kotlin, the scriptLanguage setting and init --lang kotlin write Kotlin scripts that run. */
class KotlinScriptWritingSpec extends CliSpecification {

    def "revision --lang kotlin writes a .retort.kts that revises the Groovy head and upgrades"() {
        given:
        script('001_base.groovy', "revision 'base01'\nupgrade { createTable('t') { column 'id', 'int' } }\ndowngrade { dropTable 't' }\n")

        when:
        def r = run('revision', '-m', 'add "tags" for $users', '--rev-id', 'kt0001', '--lang', 'kotlin')
        def file = Files.list(project.resolve('migrations')).withCloseable { s -> s.filter { it.toString().endsWith('.retort.kts') }.findFirst().get() }
        def text = Files.readString(file)

        then:
        r.exit == 0
        file.fileName.toString().endsWith('_kt0001_add_tags_for_users.retort.kts')
        text.contains('revision("kt0001")')
        text.contains('revises("base01")')
        text.contains('message("add \\"tags\\" for \\$users")')

        when: 'the written script, with a step, upgrades'
        Files.writeString(file, text.replaceFirst(/upgrade \{\n/, 'upgrade {\n    addColumn("t", "tag", "text")\n'))
        def up = run('upgrade')
        def show = run('show', 'kt0001')

        then:
        up.exit == 0
        versions() == ['kt0001']
        show.out.contains('add "tags" for $users')
    }

    def "scriptLanguage=kotlin makes Kotlin the default; a bad value is one line, exit 2"() {
        given:
        Files.writeString(project.resolve('retort.properties'), "scriptLanguage=${value}\n")

        when:
        def r = run('revision', '-m', 'first', '--rev-id', 'first1')

        then:
        r.exit == exit
        Files.exists(project.resolve('migrations')) && Files.list(project.resolve('migrations')).withCloseable { s ->
            s.anyMatch { it.toString().endsWith(ending) } } == written
        exit == 0 || r.err.contains("setting 'scriptLanguage' is 'cobol'; use groovy or kotlin")

        where:
        value    | exit | ending        | written
        'kotlin' | 0    | '.retort.kts' | true
        'groovy' | 0    | '.groovy'     | true
        'cobol'  | 2    | '.retort.kts' | false
    }

    def "init --lang kotlin creates a project whose revisions are Kotlin"() {
        when:
        def init = run('init', 'kt', '--lang', 'kotlin')

        then:
        init.exit == 0
        Files.readString(project.resolve('kt/retort.properties')).contains('scriptLanguage=kotlin')
        Files.exists(project.resolve('kt/migrations/templates/revision.retort.kts.tmpl'))

        when:
        def bad = run('init', 'kt2', '--lang', 'cobol')

        then:
        bad.exit == 2
        bad.err.contains("--lang 'cobol' is not known; use groovy or kotlin")
    }
}
