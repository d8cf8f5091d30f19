package dev.retort.internal.operation;

/** DROP EXTENSION. */
public record DropExtension(String name, boolean ifExists) implements Operation {
}
