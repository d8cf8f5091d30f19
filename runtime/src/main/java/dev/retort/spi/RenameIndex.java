package dev.retort.spi;

/** ALTER INDEX ... RENAME TO. */
public record RenameIndex(String schema, String from, String to) implements Operation {
}
