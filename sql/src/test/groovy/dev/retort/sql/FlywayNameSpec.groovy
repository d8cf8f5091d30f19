package dev.retort.sql

import dev.retort.ScriptException
import dev.retort.spi.ScriptSource
import spock.lang.Specification

/** Flyway's file names: what is read, how versions compare, and the chain the headerless files make. */
class FlywayNameSpec extends Specification {

    def "#name reads as #kind #version '#description' with revision id #id"() {
        when:
        def n = FlywayName.parse(name).get()

        then:
        n.kind() == kind
        n.versionText() == version
        n.description() == description
        n.revisionId() == id

        where:
        name                         || kind                          | version | description       | id
        'V1__init.sql'               || FlywayName.Kind.VERSIONED     | '1'     | 'init'            | 'V1'
        'V1_1__add_name.sql'         || FlywayName.Kind.VERSIONED     | '1.1'   | 'add name'        | 'V1_1'
        'V2.0__two.sql'              || FlywayName.Kind.VERSIONED     | '2'     | 'two'             | 'V2'
        'V010__leading_zero.sql'     || FlywayName.Kind.VERSIONED     | '10'    | 'leading zero'    | 'V10'
        'U3__undo_three.sql'         || FlywayName.Kind.UNDO          | '3'     | 'undo three'      | 'V3'
        'R__active_users.sql'        || FlywayName.Kind.REPEATABLE    | ''      | 'active users'    | 'R__active_users'
        'R__a-b.c.sql'               || FlywayName.Kind.REPEATABLE    | ''      | 'a-b.c'           | 'R__a_b_c'
    }

    def "#name is not a Flyway name"() {
        expect:
        FlywayName.parse(name).isEmpty()

        where:
        name << ['init.sql', 'V__no_version.sql', 'R1__versioned_repeatable.sql', 'V1_init.sql', 'V1__x.SQL', 'X1__x.sql', 'V1__.sql']
    }

    def "versions compare part by part as numbers, and repeatables come after every version, by description"() {
        given:
        def names = ['R__b.sql', 'V10__x.sql', 'V2__x.sql', 'V1_10__x.sql', 'V1_9__x.sql', 'R__a.sql', 'V1__x.sql']

        expect:
        names.collect { FlywayName.parse(it).get() }.sort()*.revisionId() == ['V1', 'V1_9', 'V1_10', 'V2', 'V10', 'R__a', 'R__b']
    }

    ScriptSource src(String name, String text = 'SELECT 1;\n') {
        new ScriptSource(null, 'migrations/' + name, text)
    }

    def "headerless files make one chain by version; repeatables stand outside it; an undo file is its V file's downgrade"() {
        given:
        def language = new SqlScriptLanguage()
        def sources = [src('V10__ten.sql'), src('R__view.sql'), src('V2__two.sql'), src('U2__two.sql', 'DROP TABLE two;\n'),
                       src('head.sql', '-- revision: h1\n-- revises: V10\nSELECT 1;\n')]

        when:
        def revisions = language.readHeaders(sources)
        def byId = revisions.collectEntries { [it.id(), it] }

        then:
        revisions*.id() == ['h1', 'V2', 'V10', 'R__view']
        byId.V2.revises() == []
        byId.V10.revises() == ['V2']
        byId.h1.revises() == ['V10']
        byId.R__view.revises() == []
        language.repeatable(byId.R__view)
        !language.repeatable(byId.V10)
        !language.repeatable(byId.h1)
        byId.V2.message() == 'two'

        when:
        def body = language.compile(sources[2], byId.V2)

        then:
        body.hasDowngrade()
        !body.replayable()
        !language.compile(sources[0], byId.V10).hasDowngrade()
    }

    def "bad Flyway folders are one line naming the files: #what"() {
        when:
        new SqlScriptLanguage().readHeaders(files.collect { src(it) })

        then:
        def e = thrown(ScriptException)
        e.message ==~ message

        where:
        what                        | files                                   || message
        'a version used twice'      | ['V1__a.sql', 'V1_0__b.sql']            || /migrations.V1_0__b\.sql:1: Flyway version 1 is used twice \(also migrations.V1__a\.sql\); give one of them another version/
        'a repeatable given twice'  | ['R__a_b.sql', 'R__a-b.sql']            || /migrations.R__a-b\.sql:1: repeatable 'a-b' is defined twice \(also migrations.R__a_b\.sql\); rename one/
        'an undo without V file'    | ['V1__a.sql', 'U2__b.sql']              || /migrations.U2__b\.sql:1: undo file for Flyway version 2, but no V file has that version; remove it or add the V file/
        'an undo given twice'       | ['V1__a.sql', 'U1__a.sql', 'U1_0__b.sql'] || /migrations.U1_0__b\.sql:1: undo of Flyway version 1 is given twice \(also migrations.U1__a\.sql\); keep one/
        'neither header nor name'   | ['init.sql']                            || /migrations.init\.sql:1: no '-- revision:' header, and the name is not Flyway's .*/
    }

    def "a V file with a -- downgrade section and an undo file is refused"() {
        when:
        new SqlScriptLanguage().readHeaders([src('V1__a.sql', 'SELECT 1;\n-- downgrade\nSELECT 2;\n'), src('U1__a.sql')])

        then:
        def e = thrown(ScriptException)
        e.message == "migrations/V1__a.sql:1: has a '-- downgrade' section and an undo file migrations/U1__a.sql; keep one of them"
    }
}
