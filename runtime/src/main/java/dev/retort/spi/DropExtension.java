package dev.retort.spi;

/** DROP EXTENSION. */
public record DropExtension(String name, boolean ifExists) implements Operation {
}
