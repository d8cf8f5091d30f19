package dev.retort.spi;

/** DROP INDEX. */
public record DropIndex(String schema, String name, boolean concurrently, boolean ifExists) implements Operation {
}
