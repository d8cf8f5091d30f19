package dev.retort.spi;

/** ALTER TABLE ... RENAME COLUMN. */
public record RenameColumn(String schema, String table, String from, String to) implements Operation {
}
