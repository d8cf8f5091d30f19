package dev.retort.kotlin

import dev.retort.ScriptException
import dev.retort.spi.AddCheckConstraint
import dev.retort.spi.AddColumn
import dev.retort.spi.AddEnumValue
import dev.retort.spi.AddForeignKey
import dev.retort.spi.AddUniqueConstraint
import dev.retort.spi.AlterColumn
import dev.retort.spi.Backfill
import dev.retort.spi.BulkInsert
import dev.retort.spi.CreateEnum
import dev.retort.spi.CreateExtension
import dev.retort.spi.CreateHypertable
import dev.retort.spi.CreateIndex
import dev.retort.spi.CreateSchema
import dev.retort.spi.CreateTable
import dev.retort.spi.DropColumn
import dev.retort.spi.DropConstraint
import dev.retort.spi.DropEnum
import dev.retort.spi.DropExtension
import dev.retort.spi.DropIndex
import dev.retort.spi.DropSchema
import dev.retort.spi.DropTable
import dev.retort.spi.MigrationContext
import dev.retort.spi.RenameColumn
import dev.retort.spi.RenameConstraint
import dev.retort.spi.RenameIndex
import dev.retort.spi.RenameTable
import dev.retort.spi.SetComment
import dev.retort.spi.Sql
import dev.retort.spi.SqlText
import dev.retort.spi.TimescalePolicy
import dev.retort.spi.ValidateConstraint
import java.sql.Connection

/**
 * The receiver of `upgrade { }` and `downgrade { }`: the Groovy DSL's vocabulary (docs/dsl.md), each option a
 * named parameter, so a misspelt or mistyped option does not compile. Every call builds one operation record
 * and hands it to the context, which runs it (or writes it, with --sql) right away.
 */
@RetortDsl
class MigrationOperations internal constructor(private val context: MigrationContext) {
    private var autocommitDepth = 0
    private var queries: Queries? = null

    // ---- raw SQL -----------------------------------------------------------------------------

    /** One or more statements; [down] gives the reverse (for change { }). */
    fun sql(statements: String, down: String? = null) {
        if (context.revision().transactional() && autocommitDepth == 0) {
            refuseTransactionControl(statements)
            down?.let(::refuseTransactionControl)
        }
        context.emit(Sql(statements, down))
    }

    /** Alias of [sql], for Alembic's op.execute. */
    fun execute(statements: String, down: String? = null) = sql(statements, down)

    /** Runs the steps inside outside any transaction. */
    fun autocommit(body: MigrationOperations.() -> Unit) {
        context.autocommit {
            autocommitDepth++
            try {
                body()
            } finally {
                autocommitDepth--
            }
        }
    }

    /** Steps the author vouches for: retort lint does not report them. */
    fun safetyAssured(body: MigrationOperations.() -> Unit) {
        context.safetyAssured { body() }
    }

    // ---- tables ------------------------------------------------------------------------------

    fun createTable(name: String, ifNotExists: Boolean = false, schema: String? = null, comment: String? = null,
                    body: TableBuilder.() -> Unit) {
        val table = TableBuilder().apply(body)
        context.emit(CreateTable(schema, name, table.columns, table.constraints, ifNotExists, comment))
    }

    fun dropTable(name: String, ifExists: Boolean = false, cascade: Boolean = false, schema: String? = null) =
        context.emit(DropTable(schema, name, ifExists, cascade))

    fun renameTable(from: String, to: String, schema: String? = null) = context.emit(RenameTable(schema, from, to))

    // ---- columns -----------------------------------------------------------------------------

    fun addColumn(table: String, name: String, type: String, nullable: Boolean? = null, default: Any? = null,
                  defaultSql: String? = null, primaryKey: Boolean = false, unique: Boolean = false, identity: Boolean = false,
                  references: String? = null, onDelete: String? = null, comment: String? = null, schema: String? = null) =
        context.emit(AddColumn(schema, table, TableBuilder.columnDef(name, type, nullable, default, defaultSql, primaryKey,
            unique, identity, references, onDelete, comment)))

    fun dropColumn(table: String, name: String, ifExists: Boolean = false, schema: String? = null) =
        context.emit(DropColumn(schema, table, name, ifExists))

    fun renameColumn(table: String, from: String, to: String, schema: String? = null) =
        context.emit(RenameColumn(schema, table, from, to))

    fun alterColumn(table: String, name: String, type: String? = null, using: String? = null, nullable: Boolean? = null,
                    default: Any? = null, defaultSql: String? = null, dropDefault: Boolean = false, schema: String? = null) =
        context.emit(AlterColumn(schema, table, name, type, using, nullable, default, defaultSql, dropDefault))

    // ---- indexes -----------------------------------------------------------------------------

    fun createIndex(name: String, on: String, columns: List<String>? = null, expression: String? = null,
                    unique: Boolean = false, where: String? = null, using: String? = null, include: List<String>? = null,
                    concurrently: Boolean = false, ifNotExists: Boolean = false, schema: String? = null) =
        context.emit(CreateIndex(schema, name, on, columns, expression, unique, where, using, include, concurrently, ifNotExists))

    /** [on] is accepted (and ignored) as in the Groovy DSL: PostgreSQL index names are per schema. */
    @Suppress("UNUSED_PARAMETER")
    fun dropIndex(name: String, concurrently: Boolean = false, ifExists: Boolean = false, schema: String? = null,
                  on: String? = null) = context.emit(DropIndex(schema, name, concurrently, ifExists))

    fun renameIndex(from: String, to: String, schema: String? = null) = context.emit(RenameIndex(schema, from, to))

    // ---- comments ----------------------------------------------------------------------------

    /** Sets the table's comment; null removes it. */
    fun commentOnTable(table: String, text: String?, schema: String? = null) =
        context.emit(SetComment(schema, table, null, text))

    /** Sets the column's comment; null removes it. */
    fun commentOnColumn(table: String, column: String, text: String?, schema: String? = null) =
        context.emit(SetComment(schema, table, column, text))

    // ---- constraints -------------------------------------------------------------------------

    fun addForeignKey(name: String, table: String, columns: List<String>, references: String,
                      refColumns: List<String>? = null, onDelete: String? = null, onUpdate: String? = null,
                      notValid: Boolean = false, schema: String? = null) =
        context.emit(AddForeignKey(schema, name, table, columns, references, refColumns, onDelete, onUpdate, notValid))

    /** On [columns], or promoting an existing unique index ([usingIndex]). */
    fun addUniqueConstraint(name: String, table: String, columns: List<String>? = null, usingIndex: String? = null,
                            schema: String? = null) =
        context.emit(AddUniqueConstraint(schema, name, table, columns, usingIndex))

    fun addCheckConstraint(name: String, table: String, check: String, notValid: Boolean = false, schema: String? = null) =
        context.emit(AddCheckConstraint(schema, name, table, check, notValid))

    fun validateConstraint(table: String, name: String, schema: String? = null) =
        context.emit(ValidateConstraint(schema, table, name))

    fun dropConstraint(table: String, name: String, ifExists: Boolean = false, schema: String? = null) =
        context.emit(DropConstraint(schema, table, name, ifExists))

    fun renameConstraint(table: String, from: String, to: String, schema: String? = null) =
        context.emit(RenameConstraint(schema, table, from, to))

    // ---- enums, extensions, schemas ---------------------------------------------------------

    fun createEnum(name: String, values: List<String>, schema: String? = null) = context.emit(CreateEnum(schema, name, values))

    fun addEnumValue(name: String, value: String, before: String? = null, after: String? = null, ifNotExists: Boolean = false,
                     schema: String? = null) = context.emit(AddEnumValue(schema, name, value, before, after, ifNotExists))

    fun dropEnum(name: String, ifExists: Boolean = false, schema: String? = null) = context.emit(DropEnum(schema, name, ifExists))

    fun createExtension(name: String, ifNotExists: Boolean = false, schema: String? = null) =
        context.emit(CreateExtension(name, ifNotExists, schema))

    fun dropExtension(name: String, ifExists: Boolean = false) = context.emit(DropExtension(name, ifExists))

    fun createSchema(name: String, ifNotExists: Boolean = false) = context.emit(CreateSchema(name, ifNotExists))

    fun dropSchema(name: String, ifExists: Boolean = false, cascade: Boolean = false) =
        context.emit(DropSchema(name, ifExists, cascade))

    // ---- data --------------------------------------------------------------------------------

    /** Rows as maps of column to value: `bulkInsert("roles", listOf(mapOf("name" to "admin")))`. */
    fun bulkInsert(table: String, rows: List<Map<String, Any?>>, schema: String? = null) =
        context.emit(BulkInsert(schema, table, rows.map { LinkedHashMap<String, Any?>(it) }))

    /**
     * Keyset batches on the primary key, each its own short transaction, outside the migration's transaction;
     * [pause] is in milliseconds between batches.
     */
    fun backfill(table: String, set: String, where: String? = null, batchSize: Int = 10_000, pause: Long = 0,
                 schema: String? = null) {
        if (batchSize < 1) {
            throw ScriptException("backfill: batchSize must be at least 1, got $batchSize")
        }
        context.emit(Backfill(schema, table, set, where, batchSize, pause))
    }

    // ---- TimescaleDB -------------------------------------------------------------------------

    /** [byRange] null picks the 2.13+ by_range form when the server's TimescaleDB has it. */
    fun createHypertable(table: String, timeColumn: String, chunkInterval: String? = null, ifNotExists: Boolean = false,
                         migrateData: Boolean = false, byRange: Boolean? = null, schema: String? = null) {
        val range = byRange ?: (!context.offline() && supportsByRange(context.extension("timescaledb")))
        context.emit(CreateHypertable(schema, table, timeColumn, chunkInterval, ifNotExists, migrateData, range))
    }

    fun addRetentionPolicy(table: String, dropAfter: String, schema: String? = null) =
        context.emit(TimescalePolicy(TimescalePolicy.Kind.RETENTION, TimescalePolicy.Change.ADD, schema, table, dropAfter))

    fun removeRetentionPolicy(table: String, schema: String? = null) =
        context.emit(TimescalePolicy(TimescalePolicy.Kind.RETENTION, TimescalePolicy.Change.REMOVE, schema, table, null))

    fun addCompressionPolicy(table: String, compressAfter: String, schema: String? = null) =
        context.emit(TimescalePolicy(TimescalePolicy.Kind.COMPRESSION, TimescalePolicy.Change.ADD, schema, table, compressAfter))

    fun removeCompressionPolicy(table: String, schema: String? = null) =
        context.emit(TimescalePolicy(TimescalePolicy.Kind.COMPRESSION, TimescalePolicy.Change.REMOVE, schema, table, null))

    // ---- talking to the user and asking the server -------------------------------------------

    /** A line for the user: on stderr online, a comment in --sql output. */
    fun notice(message: String) = context.notice(message)

    /** True when the server can create (or already has) the extension; offline, true. */
    fun extensionAvailable(name: String): Boolean = context.extension(name) != null

    /** The live connection; with --sql there is none, and using it is a one-line error. */
    val connection: Connection
        get() = context.connection()

    /** Queries on the live connection, for reading data (the Kotlin counterpart of Groovy's `db`). */
    val db: Queries
        get() = queries ?: Queries(context.connection()).also { queries = it }

    /** True when the migration is being written as SQL (--sql) instead of run. */
    val offline: Boolean
        get() = context.offline()

    private companion object {
        fun refuseTransactionControl(statements: String) {
            SqlText.transactionControl(statements).ifPresent { found ->
                throw ScriptException("sql: '$found' is transaction control, but Retort runs this migration in one "
                        + "transaction with its version row (ending or splitting it here would record what did not happen); "
                        + "remove it, or run the migration outside a transaction with transaction(\"none\") (or the steps in autocommit { })")
            }
        }

        fun supportsByRange(version: String?): Boolean {
            if (version == null || version == "available") {
                return false
            }
            val m = Regex("^(\\d+)\\.(\\d+)").find(version) ?: return false
            val major = m.groupValues[1].toInt()
            return major > 2 || major == 2 && m.groupValues[2].toInt() >= 13
        }
    }
}
