package dev.retort.cli

import java.nio.file.Files

class InitRevisionSpec extends CliSpecification {

    def "init creates the project skeleton and refuses a non-empty directory"() {
        when:
        def r = run('init', 'newproj')

        then:
        r.exit == 0
        Files.exists(project.resolve('newproj/retort.properties'))
        Files.isDirectory(project.resolve('newproj/migrations'))
        Files.exists(project.resolve('newproj/migrations/templates/revision.groovy.tmpl'))

        when:
        def again = run('init', 'newproj')

        then:
        again.exit == 2
        again.err.contains('not empty')
    }

    def "revision -m writes a timestamped script that revises the head, and it loads and upgrades"() {
        given:
        linear(2)

        when:
        def r = run('revision', '-m', "Add user's settings!")
        def file = Files.list(project.resolve('migrations')).withCloseable { s ->
            s.filter { it.fileName.toString() =~ /^\d{8}_\d{4}_[0-9a-f]{12}_add_user_s_settings\.groovy$/ }.findFirst().orElse(null)
        }

        then:
        r.exit == 0
        file != null
        file.text.contains("revises   'r02'")
        file.text.contains("message   'Add user\\'s settings!'")
        run('heads').out.startsWith(file.fileName.toString().substring(14, 26))

        when:
        Files.writeString(file, file.text.replace('upgrade {\n}', "upgrade {\n    sql 'CREATE TABLE from_revision (id int)'\n}"))

        then:
        run('upgrade').exit == 0
        tables().contains('from_revision')
    }

    def "revision uses the project's template, and --rev-id and --head"() {
        given:
        linear(1)
        Files.createDirectories(project.resolve('migrations/templates'))
        Files.writeString(project.resolve('migrations/templates/revision.groovy.tmpl'),
                '// team template\n${header}\n\nupgrade {\n    // ${message}\n}\n')

        when:
        def r = run('revision', '-m', 'custom', '--rev-id', 'cafe00000001', '--head', 'r01')
        def file = project.resolve('migrations').toFile().listFiles().find { it.name.contains('cafe00000001') }

        then:
        r.exit == 0
        file.text.startsWith('// team template')
        file.text.contains("revision  'cafe00000001'")
        file.text.contains('// custom')
    }

    def "revision with two heads and no --head is exit 3 and suggests merge"() {
        given:
        linear(1)
        script('b1.groovy', "revision 'b1'\nrevises 'r01'\nupgrade { sql 'SELECT 1' }\n")
        script('b2.groovy', "revision 'b2'\nrevises 'r01'\nupgrade { sql 'SELECT 1' }\n")

        when:
        def r = run('revision', '-m', 'x')

        then:
        r.exit == 3
        r.err.contains('--head')
        r.err.contains('merge')
    }
}
