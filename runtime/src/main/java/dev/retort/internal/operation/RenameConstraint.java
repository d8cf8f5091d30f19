package dev.retort.internal.operation;

/** ALTER TABLE ... RENAME CONSTRAINT. */
public record RenameConstraint(String schema, String table, String from, String to) implements Operation {
}
