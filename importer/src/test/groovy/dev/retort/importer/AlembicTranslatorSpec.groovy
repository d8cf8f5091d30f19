package dev.retort.importer

import spock.lang.Specification

/** Alembic op.* calls as Groovy DSL lines; what has no translation is a commented TODO(import) and in the summary. */
class AlembicTranslatorSpec extends Specification {

    AlembicTranslator translator = new AlembicTranslator('versions/a.py')

    List<String> upgrade(String body) {
        def m = PythonSubset.parse('versions/a.py', 'def upgrade():\n' + body.stripIndent().readLines().collect { '    ' + it }.join('\n') + '\n')
        translator.translate(m.functions().upgrade, '')
    }

    def "#python is translated to #dsl"() {
        expect:
        upgrade(python) == [dsl]
        translator.todos().isEmpty()

        where:
        python                                                                                    || dsl
        "op.drop_table('users')"                                                                  || "dropTable 'users'"
        "op.add_column('users', sa.Column('age', sa.Integer(), nullable=False, server_default='0'))" || "addColumn 'users', 'age', 'integer', nullable: false, default: '0'"
        "op.drop_column('users', 'age')"                                                          || "dropColumn 'users', 'age'"
        "op.alter_column('users', 'name', type_=sa.String(80), nullable=True)"                    || "alterColumn 'users', 'name', type: 'varchar(80)', nullable: true"
        "op.alter_column('users', 'name', server_default=None)"                                   || "alterColumn 'users', 'name', dropDefault: true"
        "op.alter_column('users', 'name', new_column_name='full_name')"                           || "renameColumn 'users', 'name', 'full_name'"
        "op.create_index('ix_a', 'users', ['a'], unique=True, postgresql_where=sa.text('a > 0'))"  || "createIndex 'ix_a', on: 'users', columns: ['a'], unique: true, where: 'a > 0'"
        "op.create_index('ix_b', 'users', ['b'], postgresql_concurrently=True, postgresql_using='gin')" || "createIndex 'ix_b', on: 'users', columns: ['b'], concurrently: true, using: 'gin'"
        "op.drop_index('ix_a', table_name='users')"                                               || "dropIndex 'ix_a'"
        "op.create_foreign_key('fk', 'tasks', 'users', ['user_id'], ['id'], ondelete='CASCADE')"  || "addForeignKey 'fk', table: 'tasks', columns: ['user_id'], references: 'users', refColumns: ['id'], onDelete: 'cascade'"
        "op.create_unique_constraint('uq', 'users', ['email'])"                                   || "addUniqueConstraint 'uq', table: 'users', columns: ['email']"
        "op.create_check_constraint('ck', 'users', 'age > 0')"                                    || "addCheckConstraint 'ck', table: 'users', check: 'age > 0'"
        "op.drop_constraint('uq', 'users', type_='unique')"                                       || "dropConstraint 'users', 'uq'"
        "op.execute(\"UPDATE users SET a = 'x'\")"                                                || "sql 'UPDATE users SET a = \\'x\\''"
        "op.get_bind().execute(sa.text('DELETE FROM users'))"                                     || "sql 'DELETE FROM users'"
        "sa.Enum('a', 'b', name='kind').create(op.get_bind())"                                    || "createEnum 'kind', ['a', 'b']"
        "sa.Enum(name='kind').drop(op.get_bind())"                                                || "dropEnum 'kind'"
    }

    def "create_table with column types, a single serial primary key, a foreign key and an enum column"() {
        expect:
        upgrade('''\
            op.create_table('tasks',
                sa.Column('id', sa.Integer(), primary_key=True),
                sa.Column('title', sa.String(200), nullable=False, unique=True),
                sa.Column('state', sa.Enum('todo', 'done', name='state'), server_default='todo'),
                sa.Column('user_id', sa.BigInteger(), sa.ForeignKey('users.id', ondelete='SET NULL')),
                sa.Column('at', sa.DateTime(timezone=True), server_default=sa.func.now()),
                sa.CheckConstraint('length(title) > 0', name='ck_title'),
            )''') == [
                "createEnum 'state', ['todo', 'done']",
                "createTable('tasks') {",
                "    column 'id', 'serial', primaryKey: true",
                "    column 'title', 'varchar(200)', nullable: false, unique: true",
                "    column 'state', 'state', default: 'todo'",
                "    column 'user_id', 'bigint', references: 'users.id', onDelete: 'set null'",
                "    column 'at', 'timestamptz', defaultSql: 'now()'",
                "    check 'length(title) > 0', name: 'ck_title'",
                "}"]
    }

    def "conn = op.get_bind() and conn.execute(sa.text(...)) are one sql step; the assignment writes nothing"() {
        expect:
        upgrade('''\
            conn = op.get_bind()
            conn.execute(sa.text("UPDATE t SET a = 1"))''') == ["sql 'UPDATE t SET a = 1'"]
        translator.todos().isEmpty()
    }

    def "with op.batch_alter_table('t') as batch_op: its operations are the plain ones on table t"() {
        expect:
        upgrade('''\
            with op.batch_alter_table('tasks', schema=None) as batch_op:
                batch_op.add_column(sa.Column('priority', sa.Integer(), nullable=True))
                batch_op.alter_column('title', type_=sa.String(300), nullable=False)
                batch_op.create_index('ix_p', ['priority'])
                batch_op.create_foreign_key('fk_u', 'users', ['user_id'], ['id'])
                batch_op.drop_constraint('uq_t', type_='unique')
                batch_op.drop_index('ix_p')
                batch_op.drop_column('priority')''') == [
                "addColumn 'tasks', 'priority', 'integer'",
                "alterColumn 'tasks', 'title', type: 'varchar(300)', nullable: false",
                "createIndex 'ix_p', on: 'tasks', columns: ['priority']",
                "addForeignKey 'fk_u', table: 'tasks', columns: ['user_id'], references: 'users', refColumns: ['id']",
                "dropConstraint 'tasks', 'uq_t'",
                "dropIndex 'ix_p'",
                "dropColumn 'tasks', 'priority'"]
        translator.todos().isEmpty()
    }

    def "a Python-side default= is not a server default: the column is imported without it, with a TODO saying so"() {
        when:
        def lines = upgrade("op.add_column('t', sa.Column('note', sa.Text(), default='none'))")

        then:
        lines.size() == 2
        lines[0].startsWith("// TODO(import): column 'note' has default= (SQLAlchemy fills it in on insert, in Python;")
        lines[1] == "addColumn 't', 'note', 'text'"
        translator.todos() == ["versions/a.py:2: column 'note' has default= (SQLAlchemy fills it in on insert, in Python; it is not a"
                + " server default, so the column is imported without one): add default: ... if the database should"]
    }

    def "what has no translation is kept commented after a TODO(import) line, with the reason when there is one"() {
        when:
        def lines = upgrade('''\
            op.rename_table('a', 'b')
            conn = op.get_bind()
            conn.execute(sa.text("UPDATE t SET a = :v"), {"v": 1})
            with op.batch_alter_table('t') as batch_op:
                batch_op.rename_table('x')
            if True:
                op.drop_table('x')''')

        then:
        lines == [
                "// TODO(import): not translated, the original Alembic code:",
                "// op.rename_table('a', 'b')",
                "// TODO(import): not translated (execute with bound parameters: write the values into the SQL, or a Groovy step), the original Alembic code:",
                "// conn.execute(sa.text(\"UPDATE t SET a = :v\"), {\"v\": 1})",
                "// TODO(import): not translated (batch_op.rename_table has no translation), the original Alembic code:",
                "// batch_op.rename_table('x')",
                "// TODO(import): not translated, the original Alembic code:",
                "// if True:",
                "// op.drop_table('x')"]
        translator.todos() == [
                "versions/a.py:2: op.rename_table('a', 'b')",
                "versions/a.py:4: conn.execute(sa.text(\"UPDATE t SET a = :v\"), {\"v\": 1}) (execute with bound parameters: write the values into the SQL, or a Groovy step)",
                "versions/a.py:6: batch_op.rename_table('x') (batch_op.rename_table has no translation)",
                "versions/a.py:7: if True:"]
    }

    def "an autocommit block is an autocommit { } block"() {
        expect:
        upgrade('''\
            with op.get_context().autocommit_block():
                op.create_index('ix', 't', ['a'], postgresql_concurrently=True)''') == [
                "autocommit {",
                "    createIndex 'ix', on: 't', columns: ['a'], concurrently: true",
                "}"]
    }
}
