package dev.retort.spi;

/** ALTER TABLE ... DROP CONSTRAINT. */
public record DropConstraint(String schema, String table, String name, boolean ifExists) implements Operation {
}
