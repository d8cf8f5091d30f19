package dev.retort.importer

import dev.retort.ScriptException
import dev.retort.importer.PythonSubset.Call
import dev.retort.importer.PythonSubset.Const
import dev.retort.importer.PythonSubset.Dict
import dev.retort.importer.PythonSubset.Name
import dev.retort.importer.PythonSubset.Num
import dev.retort.importer.PythonSubset.Seq
import dev.retort.importer.PythonSubset.Str
import spock.lang.Specification

/** The Python subset of an Alembic revision file, parsed and never run. */
class PythonSubsetSpec extends Specification {

    def "a revision file: docstring, module assignments with their lines, and the two function bodies"() {
        when:
        def m = PythonSubset.parse('v/a.py', '''\
            """add users

            Revision ID: a1
            """
            from alembic import op
            import sqlalchemy as sa

            revision: str = 'a1'
            down_revision = ('b2', "c3")
            branch_labels = None

            def upgrade() -> None:
                # a comment
                op.create_table('users',
                    sa.Column('id', sa.Integer(), primary_key=True))

                with op.get_context().autocommit_block():
                    op.execute("SELECT 1")
                conn = op.get_bind()


            def downgrade():
                pass
            '''.stripIndent())

        then:
        m.docstring().startsWith('add users')
        m.assignments().revision == new Str('a1')
        m.assignments().down_revision == new Seq([new Str('b2'), new Str('c3')])
        m.assignments().branch_labels == new Const('None')
        m.lines().revision == 8
        m.lines().down_revision == 9
        m.functions().keySet() == ['upgrade', 'downgrade'] as Set
        def up = m.functions().upgrade
        up*.line() == [14, 17, 19]
        up[0].expr() instanceof Call
        (up[0].expr() as Call).name() == 'op.create_table'
        up[1].block().size() == 1
        (up[1].expr() as Call).name() == 'autocommit_block'
        up[2].target() == 'conn'
        m.functions().downgrade*.source() == ['pass']
    }

    def "with ... as name: the block keeps the name and its statements"() {
        when:
        def m = PythonSubset.parse('a.py', "def upgrade():\n    with op.batch_alter_table('t', schema=None) as batch_op:\n        batch_op.drop_column('x')\n")
        def w = m.functions().upgrade[0]

        then:
        w.target() == 'batch_op'
        (w.expr() as Call).name() == 'op.batch_alter_table'
        (w.expr() as Call).kwargs().schema == new Const('None')
        (w.block()[0].expr() as Call).name() == 'batch_op.drop_column'
        w.source().readLines().size() == 2
    }

    def "expression #text parses as #expected"() {
        expect:
        PythonSubset.parse('a.py', "x = ${text}\n").assignments().x == expected

        where:
        text                           || expected
        "'a' \"b\""                    || new Str('ab')
        "'it''s'"                      || new Str('its')
        "'a\\'b'"                      || new Str("a'b")
        '"""multi\nline"""'            || new Str('multi\nline')
        "r'\\d+'"                      || new Str('\\d+')
        '-12'                          || new Num('-12')
        '3.5'                          || new Num('3.5')
        'True'                         || new Const('True')
        'sa.func.now'                  || new Name('sa.func.now')
        "('a',)"                       || new Seq([new Str('a')])
        "('a')"                        || new Str('a')
        '[1, 2,]'                      || new Seq([new Num('1'), new Num('2')])
        "{'k': 1, \"v\": None}"        || new Dict([k: new Num('1'), v: new Const('None')])
        "f(1, k='v')"                  || new Call(new Name('f'), null, [new Num('1')], [k: new Str('v')])
        'op.get_bind().execute(q)'     || new Call(new Call(new Name('op.get_bind'), null, [], [:]), 'execute', [new Name('q')], [:])
    }

    def "a syntax error names the file and line and says nothing was written: #what"() {
        when:
        PythonSubset.parse('versions/x.py', text)

        then:
        def e = thrown(ScriptException)
        e.message ==~ message
        e.message.endsWith('; fix the file (python3 -m py_compile shows the same), nothing was written')

        where:
        what                    | text                                                     || message
        'an unclosed call'      | "x = 1\ndef upgrade():\n    op.f('a',\n"                 || /versions.x\.py:3: Python syntax error: '\(' was never closed.*/
        'an unmatched bracket'  | "x = 1)\n"                                               || /versions.x\.py:1: Python syntax error: unmatched '\)'.*/
        'an unterminated string'| "def upgrade():\n    op.execute('abc)\n"                 || /versions.x\.py:2: Python syntax error: unterminated string literal.*/
        'an open docstring'     | "x = 1\n\"\"\"never closed\n"                            || /versions.x\.py:2: Python syntax error: unterminated triple-quoted string.*/
        'a bad def line'        | "def upgrade:\n    pass\n"                               || /versions.x\.py:1: Python syntax error: a def line must be 'def name\(...\):'.*/
        'an empty function'     | "def upgrade():\nx = 1\n"                                || /versions.x\.py:1: Python syntax error: expected an indented block.*/
        'an unexpected indent'  | "x = 1\n    y = 2\n"                                     || /versions.x\.py:2: Python syntax error: unexpected indent.*/
        'trailing junk'         | "x = f(1) 2\n"                                           || /versions.x\.py:1: Python syntax error: invalid syntax at '2'.*/
    }
}
