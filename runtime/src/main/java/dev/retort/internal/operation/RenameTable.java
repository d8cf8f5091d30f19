package dev.retort.internal.operation;

/** ALTER TABLE ... RENAME TO. */
public record RenameTable(String schema, String from, String to) implements Operation {
}
