package dev.retort.spi;

/** ALTER TABLE ... VALIDATE CONSTRAINT. */
public record ValidateConstraint(String schema, String table, String name) implements Operation {
}
