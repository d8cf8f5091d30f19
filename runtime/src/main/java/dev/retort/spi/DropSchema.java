package dev.retort.spi;

/** DROP SCHEMA. */
public record DropSchema(String name, boolean ifExists, boolean cascade) implements Operation {
}
