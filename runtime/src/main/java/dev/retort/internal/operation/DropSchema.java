package dev.retort.internal.operation;

/** DROP SCHEMA. */
public record DropSchema(String name, boolean ifExists, boolean cascade) implements Operation {
}
