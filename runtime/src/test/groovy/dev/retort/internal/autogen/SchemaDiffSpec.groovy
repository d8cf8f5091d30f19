package dev.retort.internal.autogen

import dev.retort.internal.autogen.Catalog.Column
import dev.retort.internal.autogen.Catalog.Constraint
import dev.retort.internal.autogen.Catalog.ConstraintKind
import dev.retort.internal.autogen.Catalog.IdentityKind
import dev.retort.internal.autogen.Catalog.Table
import dev.retort.internal.autogen.Change.Stage
import dev.retort.spi.AddCheckConstraint
import dev.retort.spi.AddColumn
import dev.retort.spi.AddEnumValue
import dev.retort.spi.AddForeignKey
import dev.retort.spi.AlterColumn
import dev.retort.spi.CreateIndex
import dev.retort.spi.CreateTable
import dev.retort.spi.DropColumn
import dev.retort.spi.DropTable
import dev.retort.spi.RenameColumn
import dev.retort.spi.RenameTable
import spock.lang.Specification

/** SchemaDiff on hand-built catalogs: no database, one row per kind of change. */
class SchemaDiffSpec extends Specification {
    static Column col(String name, String type, boolean notNull = false, String defaultSql = null) {
        new Column(name, type, notNull, defaultSql, IdentityKind.NONE, false, null)
    }

    static Constraint pk(String table) {
        new Constraint(table, table + '_pkey', ConstraintKind.PRIMARY_KEY, 'PRIMARY KEY (id)', ['id'], null, [], null, null, true)
    }

    static Table table(String name, List<Column> columns, List<Constraint> constraints = []) {
        new Table(name, null, columns, constraints.collectEntries { [it.name(), it] })
    }

    static Catalog catalog(List<Table> tables, Map<String, List<String>> enums = [:], List<Catalog.Index> indexes = []) {
        new Catalog('public', tables.collectEntries { [it.name(), it] }, indexes.collectEntries { [it.name(), it] }, enums, [:])
    }

    static final Column ID = col('id', 'bigint', true)
    static final Catalog BASE = catalog([table('users', [ID, col('email', 'text')], [pk('users')])], [mood: ['happy', 'sad']])

    def "#change gives #description"() {
        when:
        def changes = SchemaDiff.between(BASE, after, 'the migrations', 'the model')

        then:
        changes*.description() == [description]
        changes[0].stage() == stage
        changes[0].up()*.getClass() == up
        changes[0].down()*.getClass() == down
        changes[0].guessedRename() == guessed

        where:
        change              | after                                                                                                    || stage                  | up                  | down                | guessed | description
        'a renamed table'   | catalog([table('people', [ID, col('email', 'text')], [pk('users')])], [mood: ['happy', 'sad']])         || Stage.RENAMES          | [RenameTable]       | [RenameTable]       | true    | "table 'users' in the migrations is 'people' in the model (a rename?)"
        'a renamed column'  | catalog([table('users', [ID, col('mail', 'text')], [pk('users')])], [mood: ['happy', 'sad']])           || Stage.RENAMES          | [RenameColumn]      | [RenameColumn]      | true    | "column 'users.email' in the migrations is 'users.mail' in the model (a rename?)"
        'a type change'     | catalog([table('users', [ID, col('email', 'character varying(200)')], [pk('users')])], [mood: ['happy', 'sad']]) || Stage.COLUMNS || [AlterColumn]  | [AlterColumn]       | false   | "column 'users.email': type text in the migrations, character varying(200) in the model"
        'a new column'      | catalog([table('users', [ID, col('email', 'text'), col('age', 'integer')], [pk('users')])], [mood: ['happy', 'sad']]) || Stage.COLUMNS || [AddColumn] | [DropColumn]       | false   | "column 'users.age': in the model, not in the migrations"
        'a new index'       | catalog([table('users', [ID, col('email', 'text')], [pk('users')])], [mood: ['happy', 'sad']],
                                      [IndexText.parse('users', 'idx_email', 'CREATE INDEX idx_email ON public.users USING btree (email)', true)]) || Stage.CREATE_INDEXES || [CreateIndex] | [dev.retort.spi.DropIndex] | false | "index 'idx_email': in the model, not in the migrations"
        'a check'           | catalog([table('users', [ID, col('email', 'text')], [pk('users'), new Constraint('users', 'email_ck', ConstraintKind.CHECK,
                                      "CHECK ((email <> ''::text))", ['email'], null, [], null, null, true)])], [mood: ['happy', 'sad']]) || Stage.ADD_CONSTRAINTS || [AddCheckConstraint] | [dev.retort.spi.DropConstraint] | false | "constraint 'users.email_ck': in the model, not in the migrations"
        'an enum value'     | catalog([table('users', [ID, col('email', 'text')], [pk('users')])], [mood: ['happy', 'meh', 'sad']])   || Stage.ENUMS            | [AddEnumValue]      | [dev.retort.spi.Sql] | false  | "enum 'mood': 'meh' in the model, not in the migrations"
    }

    def "a new table that references an existing one is created with its foreign key inline"() {
        given:
        def fk = new Constraint('posts', 'posts_user_id_fkey', ConstraintKind.FOREIGN_KEY, 'FOREIGN KEY (user_id) REFERENCES users(id)',
                ['user_id'], 'users', ['id'], 'cascade', null, true)
        def after = catalog(BASE.tables().values().toList() + [table('posts', [ID, col('user_id', 'bigint', true)], [pk('posts'), fk])],
                [mood: ['happy', 'sad']])

        when:
        def changes = SchemaDiff.between(BASE, after, 'a', 'b')

        then:
        changes*.description() == ["table 'posts': in b, not in a"]
        def create = changes[0].up()[0] as CreateTable
        create.constraints()*.getClass() == [dev.retort.spi.TableConstraint.ForeignKey]
        changes[0].down()*.getClass() == [DropTable]
    }

    def "a foreign key added to a table in both is an addForeignKey, and its reverse a drop"() {
        given:
        def fk = new Constraint('users', 'users_boss_fkey', ConstraintKind.FOREIGN_KEY, 'FOREIGN KEY (boss) REFERENCES users(id)',
                ['boss'], 'users', ['id'], null, null, false)
        def before = catalog([table('users', [ID, col('boss', 'bigint')], [pk('users')])])
        def after = catalog([table('users', [ID, col('boss', 'bigint')], [pk('users'), fk])])

        when:
        def changes = SchemaDiff.between(before, after, 'a', 'b')

        then:
        changes.size() == 1
        with(changes[0].up()[0] as AddForeignKey) {
            references() == 'users' && notValid()
        }
    }

    def "identical catalogs give no change, and a differing identity is left to the user"() {
        expect:
        SchemaDiff.between(BASE, BASE, 'a', 'b').isEmpty()

        when:
        def identity = catalog([table('users', [new Column('id', 'bigint', true, null, IdentityKind.ALWAYS, false, null),
                                                col('email', 'text')], [pk('users')])], [mood: ['happy', 'sad']])
        def changes = SchemaDiff.between(BASE, identity, 'a', 'b')

        then:
        changes*.stage() == [Stage.MANUAL]
        changes[0].review().contains('identity')
    }
}
