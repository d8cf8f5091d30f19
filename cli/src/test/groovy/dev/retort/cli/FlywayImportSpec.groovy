package dev.retort.cli

import java.nio.file.Files
import java.nio.file.Path

/**
 * retort import flyway DIR: a folder already in the script location stays as it is (nothing written); a folder
 * elsewhere is copied unchanged into it; bad input is one line and writes nothing.
 */
class FlywayImportSpec extends CliSpecification {

    Map<String, String> files = [
            'V1__create_users.sql'   : 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
            'V1_1__add_name.sql'     : 'ALTER TABLE users ADD COLUMN name text;\n',
            'V2__create_orders.sql'  : 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));\n',
            'U2__create_orders.sql'  : 'DROP TABLE orders;\n',
            'R__user_names.sql'      : 'CREATE OR REPLACE VIEW user_names AS SELECT id, name FROM users;\n',
    ]

    Path folder(Path dir, Map<String, String> content = files) {
        Files.createDirectories(dir)
        content.each { name, text -> Files.writeString(dir.resolve(name), text) }
        dir
    }

    Map<String, String> contents(Path dir) {
        Files.walk(dir).filter { Files.isRegularFile(it) }.collect { [dir.relativize(it).toString(), it.text] }
                .collectEntries()
    }

    def "a Flyway folder that is the script location already is read as it is: nothing is written"() {
        given:
        folder(project.resolve('migrations'))
        def before = contents(project.resolve('migrations'))

        when:
        def r = run('import', 'flyway', 'migrations')
        def up = run('upgrade')

        then:
        r.exit == 0
        r.out.contains('The 5 Flyway files are in the script location already: Retort reads them as they are, nothing written.')
        contents(project.resolve('migrations')) == before
        Files.list(project).collect { it.fileName.toString() }.findAll { it != '.retort' } == ['migrations']
        up.exit == 0
        versions() == ['V2']
        tables() == ['users', 'orders', 'user_names', 'retort_version', 'retort_history'] as Set
    }

    def "a Flyway folder elsewhere is copied into the script location unchanged, with what is not converted listed"() {
        given:
        Path flyway = folder(project.resolve('db/flyway'))
        Files.writeString(flyway.resolve('beforeMigrate.sql'), 'SET search_path = public;\n')
        Files.writeString(flyway.resolve('V3__placeholder.sql'), 'CREATE TABLE ${prefix}_audit (id int);\n')

        when:
        def r = run('import', 'flyway', 'db/flyway')

        then:
        r.exit == 0
        r.out.contains('Copied 6 Flyway files into')
        r.out.contains('not converted: beforeMigrate.sql: a Flyway callback')
        r.out.contains('not converted: V3__placeholder.sql: uses a Flyway placeholder ${...}')
        contents(project.resolve('migrations')) == contents(flyway).findAll { it.key != 'beforeMigrate.sql' }

        when: 'run again, the copies are there with the same text: nothing new'
        def again = run('import', 'flyway', 'db/flyway')

        then:
        again.exit == 0
        again.out.contains('Copied 0 Flyway files into')
    }

    def "bad input to import flyway is one line and writes nothing: #what"() {
        given:
        Path flyway = folder(project.resolve('db/flyway'), files + extra)
        if (clash) {
            Files.writeString(project.resolve('migrations/V1__create_users.sql'), 'CREATE TABLE other (id int);\n')
        }
        def before = contents(project.resolve('migrations'))

        when:
        def r = run('import', 'flyway', dir)

        then:
        r.exit == exit
        r.err.readLines()[0] =~ message
        contents(project.resolve('migrations')) == before

        where:
        what                         | dir                         | extra                                      | clash || exit | message
        'a version used twice'       | 'db/flyway'                 | ['V1_0__again.sql': 'SELECT 1;\n']         | false || 3    | /Flyway version 1 is used twice \(also V1(_0)?__(create_users|again)\.sql\); give one of them another version/
        'an undo without its V file' | 'db/flyway'                 | ['U9__nothing.sql': 'SELECT 1;\n']         | false || 3    | /U9__nothing\.sql:1: undo file for Flyway version 9, but no V file has that version/
        'a name that is not Flyway\'s' | 'db/flyway'               | ['init.sql': 'SELECT 1;\n']                | false || 3    | /init\.sql:1: no '-- revision:' header, and the name is not Flyway's/
        'a file, not a folder'       | 'db/flyway/V1__create_users.sql' | [:]                                   | false || 2    | /import flyway: db.flyway.V1__create_users\.sql is not a directory/
        'a folder that is not there' | 'db/nowhere'                | [:]                                        | false || 2    | /import flyway: db.nowhere is not a directory/
        'a copy over other text'     | 'db/flyway'                 | [:]                                        | true  || 3    | /import flyway: migrations.V1__create_users\.sql exists with other text; nothing was written/
    }
}
