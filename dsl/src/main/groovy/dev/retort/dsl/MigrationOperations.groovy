package dev.retort.dsl

import dev.retort.spi.*
import dev.retort.spi.MigrationContext
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
    private int autocommitDepth
    private final java.nio.file.Path scriptFile

    MigrationOperations(MigrationContext context, java.nio.file.Path scriptFile = null) {
        this.context = context
        this.scriptFile = scriptFile
    }

    // ---- raw SQL -----------------------------------------------------------------------------

    /** {@code sql 'one or more statements'}; {@code down:} gives the reverse (for change { }). */
    void sql(Map<String, Object> options = [:], String statements) {
        Map<String, Object> o = Options.check('sql', options, ['down'])
        if (context.revision().transactional() && autocommitDepth == 0) {
            TransactionControl.refuse(statements)
            TransactionControl.refuse(Options.string(o, 'down'))
        }
        context.emit(new Sql(statements, Options.string(o, 'down')))
    }

    /**
     * {@code sqlFile 'schema.sql'}: the statements of a SQL file next to the script (the path is relative to the
     * script's folder; the file's text counts in the script's checksum). psql's meta-commands and pg_dump's
     * session settings are handled as {@link SqlFileText} says, each with a notice.
     */
    void sqlFile(Map<String, Object> options = [:], String path) {
        Map<String, Object> o = Options.check('sqlFile', options, ['down'])
        SqlFileText.Cleaned up = SqlFileText.clean(SqlFiles.read(scriptFile, path), path)
        String down = Options.string(o, 'down') == null ? null
                : SqlFileText.clean(SqlFiles.read(scriptFile, Options.string(o, 'down')), Options.string(o, 'down')).sql()
        up.notices().each { String n -> context.notice(n) }
        if (context.revision().transactional() && autocommitDepth == 0) {
            TransactionControl.refuse(up.sql())
        }
        context.emit(new Sql(up.sql(), down))
    }

    /** Alias of {@link #sql}, for Alembic's op.execute. */
    void execute(Map<String, Object> options = [:], String statements) {
        sql(options, statements)
    }

    /** Runs the steps inside outside any transaction. */
    void autocommit(@DelegatesTo(value = MigrationOperations, strategy = Closure.DELEGATE_ONLY) Closure body) {
        Closure block = body
        context.autocommit {
            autocommitDepth++
            try {
                Delegation.run(block, this)
            } finally {
                autocommitDepth--
            }
        }
    }

    /** Steps the author vouches for: retort lint does not report them. */
    void safetyAssured(@DelegatesTo(value = MigrationOperations, strategy = Closure.DELEGATE_ONLY) Closure body) {
        Closure block = body
        context.safetyAssured { Delegation.run(block, this) }
    }

    // ---- tables ------------------------------------------------------------------------------

    void createTable(Map<String, Object> options = [:], String name,
                     @DelegatesTo(value = TableBuilder, strategy = Closure.DELEGATE_ONLY) Closure body) {
        Map<String, Object> o = Options.check('createTable', options, ['ifNotExists', 'schema', 'comment'])
        TableBuilder table = new TableBuilder()
        Closure block = body
        Delegation.run(block, table)
        context.emit(new CreateTable(Options.string(o, 'schema'), name, table.columns, table.constraints,
                Options.flag(o, 'ifNotExists'), Options.string(o, 'comment')))
    }

    void dropTable(Map<String, Object> options = [:], String name) {
        Map<String, Object> o = Options.check('dropTable', options, ['ifExists', 'cascade', 'schema'])
        context.emit(new DropTable(Options.string(o, 'schema'), name, Options.flag(o, 'ifExists'), Options.flag(o, 'cascade')))
    }

    void renameTable(Map<String, Object> options = [:], String from, String to) {
        context.emit(new RenameTable(Options.schemaOnly('renameTable', options), from, to))
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
        context.emit(new RenameColumn(Options.schemaOnly('renameColumn', options), table, from, to))
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

    void renameIndex(Map<String, Object> options = [:], String from, String to) {
        context.emit(new RenameIndex(Options.schemaOnly('renameIndex', options), from, to))
    }

    // ---- comments ----------------------------------------------------------------------------

    /** {@code commentOnTable 'users', 'People who sign in'}; null removes the comment. */
    void commentOnTable(Map<String, Object> options = [:], String table, String text) {
        context.emit(new SetComment(Options.schemaOnly('commentOnTable', options), table, null, text))
    }

    /** {@code commentOnColumn 'users', 'email', 'Where we write to'}; null removes the comment. */
    void commentOnColumn(Map<String, Object> options = [:], String table, String column, String text) {
        context.emit(new SetComment(Options.schemaOnly('commentOnColumn', options), table, column, text))
    }

    // ---- constraints -------------------------------------------------------------------------

    /** {@code addForeignKey 'fk', table: 't', columns: ['user_id'], references: 'users', refColumns: ['id'], onDelete:, notValid:} */
    void addForeignKey(Map<String, Object> options, String name) {
        Map<String, Object> o = Options.check('addForeignKey', options,
                ['table', 'columns', 'references', 'refColumns', 'onDelete', 'onUpdate', 'notValid', 'schema'])
        context.emit(new AddForeignKey(Options.string(o, 'schema'), name, Options.required('addForeignKey', o, 'table'),
                Options.strings(o, 'columns') ?: missing('addForeignKey', 'columns'), Options.required('addForeignKey', o, 'references'),
                Options.strings(o, 'refColumns'), Options.string(o, 'onDelete'), Options.string(o, 'onUpdate'), Options.flag(o, 'notValid')))
    }

    /** {@code addUniqueConstraint 'uq', table: 't', columns: ['a']} or {@code usingIndex: 'idx'} */
    void addUniqueConstraint(Map<String, Object> options, String name) {
        Map<String, Object> o = Options.check('addUniqueConstraint', options, ['table', 'columns', 'usingIndex', 'schema'])
        context.emit(new AddUniqueConstraint(Options.string(o, 'schema'), name, Options.required('addUniqueConstraint', o, 'table'),
                Options.strings(o, 'columns'), Options.string(o, 'usingIndex')))
    }

    /** {@code addCheckConstraint 'ck', table: 't', check: 'price > 0', notValid: true} */
    void addCheckConstraint(Map<String, Object> options, String name) {
        Map<String, Object> o = Options.check('addCheckConstraint', options, ['table', 'check', 'notValid', 'schema'])
        context.emit(new AddCheckConstraint(Options.string(o, 'schema'), name, Options.required('addCheckConstraint', o, 'table'),
                Options.required('addCheckConstraint', o, 'check'), Options.flag(o, 'notValid')))
    }

    void validateConstraint(Map<String, Object> options = [:], String table, String name) {
        context.emit(new ValidateConstraint(Options.schemaOnly('validateConstraint', options), table, name))
    }

    void dropConstraint(Map<String, Object> options = [:], String table, String name) {
        Map<String, Object> o = Options.check('dropConstraint', options, ['ifExists', 'schema'])
        context.emit(new DropConstraint(Options.string(o, 'schema'), table, name, Options.flag(o, 'ifExists')))
    }

    void renameConstraint(Map<String, Object> options = [:], String table, String from, String to) {
        context.emit(new RenameConstraint(Options.schemaOnly('renameConstraint', options), table, from, to))
    }

    // ---- enums, extensions, schemas ---------------------------------------------------------

    void createEnum(Map<String, Object> options = [:], String name, List<String> values) {
        context.emit(new CreateEnum(Options.schemaOnly('createEnum', options), name, values.collect { it.toString() }))
    }

    void addEnumValue(Map<String, Object> options = [:], String name, String value) {
        Map<String, Object> o = Options.check('addEnumValue', options, ['before', 'after', 'ifNotExists', 'schema'])
        context.emit(new AddEnumValue(Options.string(o, 'schema'), name, value, Options.string(o, 'before'),
                Options.string(o, 'after'), Options.flag(o, 'ifNotExists')))
    }

    void dropEnum(Map<String, Object> options = [:], String name) {
        Map<String, Object> o = Options.check('dropEnum', options, ['ifExists', 'schema'])
        context.emit(new DropEnum(Options.string(o, 'schema'), name, Options.flag(o, 'ifExists')))
    }

    void createExtension(Map<String, Object> options = [:], String name) {
        Map<String, Object> o = Options.check('createExtension', options, ['ifNotExists', 'schema'])
        context.emit(new CreateExtension(name, Options.flag(o, 'ifNotExists'), Options.string(o, 'schema')))
    }

    void dropExtension(Map<String, Object> options = [:], String name) {
        Map<String, Object> o = Options.check('dropExtension', options, ['ifExists'])
        context.emit(new DropExtension(name, Options.flag(o, 'ifExists')))
    }

    void createSchema(Map<String, Object> options = [:], String name) {
        Map<String, Object> o = Options.check('createSchema', options, ['ifNotExists'])
        context.emit(new CreateSchema(name, Options.flag(o, 'ifNotExists')))
    }

    void dropSchema(Map<String, Object> options = [:], String name) {
        Map<String, Object> o = Options.check('dropSchema', options, ['ifExists', 'cascade'])
        context.emit(new DropSchema(name, Options.flag(o, 'ifExists'), Options.flag(o, 'cascade')))
    }

    // ---- data --------------------------------------------------------------------------------

    /** {@code bulkInsert 'table', [[col: val, ...], ...]} */
    void bulkInsert(Map<String, Object> options = [:], String table, List<Map<String, Object>> rows) {
        context.emit(new BulkInsert(Options.schemaOnly('bulkInsert', options), table,
                rows.collect { Map<String, Object> r -> (Map<String, Object>) new LinkedHashMap<String, Object>(r) }))
    }

    /**
     * {@code backfill 'users', set: "full_name = first_name", where: 'full_name IS NULL', batchSize: 10000, pause: 0}:
     * keyset batches on the primary key, each its own short transaction, outside the migration's transaction.
     */
    void backfill(Map<String, Object> options, String table) {
        Map<String, Object> o = Options.check('backfill', options, ['set', 'where', 'batchSize', 'pause', 'schema'])
        int batch = o.batchSize == null ? 10_000 : (o.batchSize as int)
        context.emit(new Backfill(Options.string(o, 'schema'), table, Options.required('backfill', o, 'set'),
                Options.string(o, 'where'), batch, o.pause == null ? 0L : (o.pause as long)))
    }

    // ---- TimescaleDB -------------------------------------------------------------------------

    /**
     * {@code createHypertable 'metrics', timeColumn: 'time', chunkInterval: '1 day', ifNotExists: true, migrateData: false,
     * byRange: null} — byRange null picks the 2.13+ by_range form when the server's TimescaleDB has it.
     */
    void createHypertable(Map<String, Object> options, String table) {
        Map<String, Object> o = Options.check('createHypertable', options,
                ['timeColumn', 'chunkInterval', 'ifNotExists', 'migrateData', 'byRange', 'schema'])
        Boolean byRange = Options.optionalFlag(o, 'byRange')
        if (byRange == null) {
            byRange = context.offline() ? false : supportsByRange(context.extension('timescaledb'))
        }
        context.emit(new CreateHypertable(Options.string(o, 'schema'), table, Options.required('createHypertable', o, 'timeColumn'),
                Options.string(o, 'chunkInterval'), Options.flag(o, 'ifNotExists'), Options.flag(o, 'migrateData'), byRange))
    }

    private static boolean supportsByRange(String version) {
        if (version == null || version == 'available') {
            return false
        }
        def m = version =~ /^(\d+)\.(\d+)/
        return m.find() && ((m.group(1) as int) > 2 || (m.group(1) as int) == 2 && (m.group(2) as int) >= 13)
    }

    void addRetentionPolicy(Map<String, Object> options, String table) {
        addPolicy('addRetentionPolicy', TimescalePolicy.Kind.RETENTION, options, table)
    }

    void removeRetentionPolicy(Map<String, Object> options = [:], String table) {
        removePolicy('removeRetentionPolicy', TimescalePolicy.Kind.RETENTION, options, table)
    }

    void addCompressionPolicy(Map<String, Object> options, String table) {
        addPolicy('addCompressionPolicy', TimescalePolicy.Kind.COMPRESSION, options, table)
    }

    void removeCompressionPolicy(Map<String, Object> options = [:], String table) {
        removePolicy('removeCompressionPolicy', TimescalePolicy.Kind.COMPRESSION, options, table)
    }

    private void addPolicy(String call, TimescalePolicy.Kind kind, Map<String, Object> options, String table) {
        Map<String, Object> o = Options.check(call, options, [kind.option(), 'schema'])
        context.emit(new TimescalePolicy(kind, TimescalePolicy.Change.ADD, Options.string(o, 'schema'), table,
                Options.required(call, o, kind.option())))
    }

    private void removePolicy(String call, TimescalePolicy.Kind kind, Map<String, Object> options, String table) {
        context.emit(new TimescalePolicy(kind, TimescalePolicy.Change.REMOVE, Options.schemaOnly(call, options), table, null))
    }

    // ---- talking to the user and asking the server -------------------------------------------

    /** A line for the user: on stderr online, a comment in --sql output. */
    void notice(String message) {
        context.notice(message)
    }

    /** True when the server can create (or already has) the extension; offline, true. */
    boolean extensionAvailable(String name) {
        return context.extension(name) != null
    }

    private static List<String> missing(String operation, String option) {
        throw new dev.retort.ScriptException("${operation}: missing option '${option}:'")
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
