package dev.retort.kotlin

import java.sql.Connection
import java.sql.ResultSet

/** Reading data on the migration's connection: each row a map of column label to value. */
class Queries internal constructor(private val connection: Connection) {
    /** Every row of [query], with `?` bound to [params] in order. */
    fun rows(query: String, vararg params: Any?): List<Map<String, Any?>> =
        connection.prepareStatement(query).use { st ->
            params.forEachIndexed { i, p -> st.setObject(i + 1, p) }
            st.executeQuery().use { rs -> generateSequence { if (rs.next()) row(rs) else null }.toList() }
        }

    /** The first row of [query], or null when there is none. */
    fun firstRow(query: String, vararg params: Any?): Map<String, Any?>? = rows(query, *params).firstOrNull()

    private fun row(rs: ResultSet): Map<String, Any?> {
        val meta = rs.metaData
        return (1..meta.columnCount).associate { meta.getColumnLabel(it) to rs.getObject(it) }
    }
}
