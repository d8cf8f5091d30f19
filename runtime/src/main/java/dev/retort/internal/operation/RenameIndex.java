package dev.retort.internal.operation;

/** ALTER INDEX ... RENAME TO. */
public record RenameIndex(String schema, String from, String to) implements Operation {
}
