package dev.retort.internal.operation;

/** ALTER TABLE ... DROP CONSTRAINT. */
public record DropConstraint(String schema, String table, String name, boolean ifExists) implements Operation {
}
