package dev.retort.internal.operation;

/** ALTER TABLE ... RENAME COLUMN. */
public record RenameColumn(String schema, String table, String from, String to) implements Operation {
}
