package dev.retort.sql

import dev.retort.ScriptException
import spock.lang.Specification

/** The comment header of an SQL migration: which lines are read, how they are spelled, and the bad ones. */
class SqlHeaderSpec extends Specification {

    def "the leading -- key: value lines are the header; prose comments are skipped and the first statement ends it"() {
        when:
        def h = SqlHeader.read('a.sql', '''\
            \uFEFF-- revision: a1
            -- Revises: base0, base1
            -- a line of prose
            -- message: add the users table
            -- branch_labels: users
            -- Depends-On: other
            -- transaction: none
            -- lockTimeout: 5s

            CREATE TABLE users (id int);
            -- message: not header any more
            '''.stripIndent())

        then:
        h.hasRevision()
        h.value('revision') == 'a1'
        h.list('revises') == ['base0', 'base1']
        h.value('message') == 'add the users table'
        h.list('branchLabels') == ['users']
        h.list('dependsOn') == ['other']
        !h.transactional()
        h.value('lockTimeout') == '5s'
        h.lines().revision == 1
        h.lines().message == 4
    }

    def "revises of base, none or nothing is a base revision; ids may be separated by commas or blanks"() {
        expect:
        SqlHeader.read('a.sql', "-- revision: a\n-- revises: ${value}\n").list('revises') == ids

        where:
        value     || ids
        'base'    || []
        'none'    || []
        ''        || []
        'x y'     || ['x', 'y']
        'x,y , z' || ['x', 'y', 'z']
    }

    def "a file without a header has no revision, and is transactional"() {
        when:
        def h = SqlHeader.read('V1__x.sql', 'CREATE TABLE t (id int);\n')

        then:
        !h.hasRevision()
        h.transactional()
        h.values().isEmpty()
    }

    def "a bad header is one line naming the file and line: #what"() {
        when:
        SqlHeader.read('m/a.sql', text)

        then:
        def e = thrown(ScriptException)
        e.message == message

        where:
        what                     | text                                                    || message
        'a key given twice'      | '-- revision: a\n-- message: x\n-- message: y\n'        || "m/a.sql:3: header 'message' is given twice (also line 2); keep one"
        'revises without revision' | '-- revises: a\n'                                    || "m/a.sql:1: header 'revises' without '-- revision:'; add -- revision: <id> above it"
        'a bad id'               | '-- revision: a-b\n'                                    || "m/a.sql:1: header 'revision' value 'a-b' is not a revision id (letters, digits and _, at most 255)"
        'a bad parent id'        | '-- revision: a\n-- revises: b.c\n'                     || "m/a.sql:2: header 'revises' value 'b.c' is not a revision id (letters, digits and _, at most 255)"
        'revises itself'         | '-- revision: a\n-- revises: a\n'                       || "m/a.sql:2: revision 'a' revises itself"
        'an unknown transaction' | '-- revision: a\n-- transaction: maybe\n'               || "m/a.sql:2: transaction 'maybe' is not known; write -- transaction: none to run the whole migration outside a transaction"
    }

    def "a bad timeout names the key and line"() {
        when:
        SqlHeader.read('a.sql', '-- revision: a\n-- statementTimeout: soon\n')

        then:
        def e = thrown(ScriptException)
        e.message.startsWith('a.sql:2: statementTimeout ')
    }

    def "the -- downgrade line cuts the file; lines keep their numbers; a second one is an error naming both"() {
        when:
        def s = SqlSections.of('a.sql', 'CREATE TABLE t (id int);\n-- downgrade\nDROP TABLE t;\n')

        then:
        s.upgrade() == 'CREATE TABLE t (id int);\n\n'
        s.downgrade() == '\n\nDROP TABLE t;\n'
        s.downgradeLine() == 2
        SqlSections.of('a.sql', 'SELECT 1;\n').downgrade() == null

        when:
        SqlSections.of('a.sql', 'SELECT 1;\n-- downgrade\nSELECT 2;\n--downgrade:\n')

        then:
        def e = thrown(ScriptException)
        e.message == "a.sql:4: a second '-- downgrade' line (the first is line 2); a migration has one downgrade section"
    }
}
