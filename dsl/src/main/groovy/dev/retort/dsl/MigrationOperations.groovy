package dev.retort.dsl

import dev.retort.internal.operation.*
import dev.retort.internal.script.MigrationContext
import groovy.sql.Sql as GroovySql
import groovy.transform.CompileStatic

import java.sql.Connection

/**
 * The delegate of {@code upgrade { }} and {@code downgrade { }}: every method builds one operation
 * record and hands it to the context, which runs it (or writes it, with --sql) right away.
 */
@CompileStatic
class MigrationOperations {
    private final MigrationContext context
    private GroovySql sql

    MigrationOperations(MigrationContext context) {
        this.context = context
    }

    // ---- raw SQL -----------------------------------------------------------------------------

    /** {@code sql 'one or more statements'}; {@code down:} gives the reverse (for change { }). */
    void sql(Map<String, Object> options = [:], String statements) {
        Map<String, Object> o = Options.check('sql', options, ['down'])
        context.emit(new Sql(statements, Options.string(o, 'down')))
    }

    /** Alias of {@link #sql}, for Alembic's op.execute. */
    void execute(Map<String, Object> options = [:], String statements) {
        sql(options, statements)
    }

    /** Runs the steps inside outside any transaction. */
    void autocommit(@DelegatesTo(value = MigrationOperations, strategy = Closure.DELEGATE_ONLY) Closure body) {
        context.autocommit {
            Closure c = (Closure) body.clone()
            c.delegate = this
            c.resolveStrategy = Closure.DELEGATE_ONLY
            c.call()
        }
    }

    // ---- tables ------------------------------------------------------------------------------

    void createTable(Map<String, Object> options = [:], String name,
                     @DelegatesTo(value = TableBuilder, strategy = Closure.DELEGATE_ONLY) Closure body) {
        Map<String, Object> o = Options.check('createTable', options, ['ifNotExists', 'schema', 'comment'])
        TableBuilder table = new TableBuilder()
        Closure c = (Closure) body.clone()
        c.delegate = table
        c.resolveStrategy = Closure.DELEGATE_ONLY
        c.call()
        context.emit(new CreateTable(Options.string(o, 'schema'), name, table.columns, table.constraints,
                Options.flag(o, 'ifNotExists'), Options.string(o, 'comment')))
    }

    void dropTable(Map<String, Object> options = [:], String name) {
        Map<String, Object> o = Options.check('dropTable', options, ['ifExists', 'cascade', 'schema'])
        context.emit(new DropTable(Options.string(o, 'schema'), name, Options.flag(o, 'ifExists'), Options.flag(o, 'cascade')))
    }

    void renameTable(Map<String, Object> options = [:], String from, String to) {
        Map<String, Object> o = Options.check('renameTable', options, ['schema'])
        context.emit(new RenameTable(Options.string(o, 'schema'), from, to))
    }

    // ---- columns -----------------------------------------------------------------------------

    void addColumn(Map<String, Object> options = [:], String table, String name, String type) {
        Map<String, Object> o = new LinkedHashMap<>(options ?: [:])
        String schema = Options.string(o, 'schema')
        o.remove('schema')
        context.emit(new AddColumn(schema, table, TableBuilder.columnDef('addColumn', o, name, type)))
    }

    void dropColumn(Map<String, Object> options = [:], String table, String name) {
        Map<String, Object> o = Options.check('dropColumn', options, ['ifExists', 'schema'])
        context.emit(new DropColumn(Options.string(o, 'schema'), table, name, Options.flag(o, 'ifExists')))
    }

    void renameColumn(Map<String, Object> options = [:], String table, String from, String to) {
        Map<String, Object> o = Options.check('renameColumn', options, ['schema'])
        context.emit(new RenameColumn(Options.string(o, 'schema'), table, from, to))
    }

    void alterColumn(Map<String, Object> options, String table, String name) {
        Map<String, Object> o = Options.check('alterColumn', options,
                ['type', 'using', 'nullable', 'default', 'defaultSql', 'dropDefault', 'schema'])
        context.emit(new AlterColumn(Options.string(o, 'schema'), table, name, Options.string(o, 'type'),
                Options.string(o, 'using'), Options.optionalFlag(o, 'nullable'), o.get('default'),
                Options.string(o, 'defaultSql'), Options.flag(o, 'dropDefault')))
    }

    // ---- indexes -----------------------------------------------------------------------------

    /** {@code createIndex 'idx', on: 'table', columns: ['a'] (or expression:), unique:, where:, using:, include:, concurrently:} */
    void createIndex(Map<String, Object> options, String name) {
        Map<String, Object> o = Options.check('createIndex', options,
                ['on', 'columns', 'expression', 'unique', 'where', 'using', 'include', 'concurrently', 'ifNotExists', 'schema'])
        context.emit(new CreateIndex(Options.string(o, 'schema'), name, Options.required('createIndex', o, 'on'),
                Options.strings(o, 'columns'), Options.string(o, 'expression'), Options.flag(o, 'unique'),
                Options.string(o, 'where'), Options.string(o, 'using'), Options.strings(o, 'include'),
                Options.flag(o, 'concurrently'), Options.flag(o, 'ifNotExists')))
    }

    void dropIndex(Map<String, Object> options = [:], String name) {
        Map<String, Object> o = Options.check('dropIndex', options, ['concurrently', 'ifExists', 'schema', 'on'])
        context.emit(new DropIndex(Options.string(o, 'schema'), name, Options.flag(o, 'concurrently'), Options.flag(o, 'ifExists')))
    }

    // ---- reading data ------------------------------------------------------------------------

    /** The live connection; with --sql there is none, and using it is a one-line error. */
    Connection getConnection() {
        return context.connection()
    }

    /** A groovy.sql.Sql on the live connection, for reading data. */
    GroovySql getDb() {
        if (sql == null) {
            sql = new GroovySql(context.connection())
        }
        return sql
    }

    /** True when the migration is being written as SQL (--sql) instead of run. */
    boolean isOffline() {
        return context.offline()
    }
}
