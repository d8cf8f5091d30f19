package dev.retort.spi;

/** ALTER TABLE ... RENAME CONSTRAINT. */
public record RenameConstraint(String schema, String table, String from, String to) implements Operation {
}
