package dev.retort.kotlin

import dev.retort.spi.ColumnDef
import dev.retort.spi.TableConstraint

/** The receiver of `createTable(name) { ... }`: columns and table constraints. */
@RetortDsl
class TableBuilder internal constructor() {
    internal val columns = mutableListOf<ColumnDef>()
    internal val constraints = mutableListOf<TableConstraint>()

    /** `column("id", "bigint", primaryKey = true, identity = true)` */
    fun column(name: String, type: String, nullable: Boolean? = null, default: Any? = null, defaultSql: String? = null,
               primaryKey: Boolean = false, unique: Boolean = false, identity: Boolean = false, references: String? = null,
               onDelete: String? = null, comment: String? = null) {
        columns += columnDef(name, type, nullable, default, defaultSql, primaryKey, unique, identity, references, onDelete, comment)
    }

    /** `primaryKey("a", "b")` */
    fun primaryKey(vararg columns: String, name: String? = null) {
        constraints += TableConstraint.PrimaryKey(name, columns.toList())
    }

    /** `unique("a", "b")` */
    fun unique(vararg columns: String, name: String? = null) {
        constraints += TableConstraint.Unique(name, columns.toList())
    }

    /** `check("price > 0", name = "ck_price")` */
    fun check(expression: String, name: String? = null) {
        constraints += TableConstraint.Check(name, expression)
    }

    /** `foreignKey(listOf("user_id"), references = "users", columns = listOf("id"), onDelete = "cascade")` */
    fun foreignKey(from: List<String>, references: String, columns: List<String> = emptyList(), onDelete: String? = null,
                   onUpdate: String? = null, name: String? = null) {
        constraints += TableConstraint.ForeignKey(name, from, references, columns, onDelete, onUpdate)
    }

    internal companion object {
        fun columnDef(name: String, type: String, nullable: Boolean?, default: Any?, defaultSql: String?, primaryKey: Boolean,
                      unique: Boolean, identity: Boolean, references: String?, onDelete: String?, comment: String?) =
            ColumnDef(name, type, nullable, default, defaultSql, primaryKey, unique, identity, references, onDelete, comment)
    }
}
