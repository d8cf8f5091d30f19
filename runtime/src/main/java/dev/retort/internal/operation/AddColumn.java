package dev.retort.internal.operation;

/** ALTER TABLE ... ADD COLUMN. */
public record AddColumn(String schema, String table, ColumnDef column) implements Operation {
}
