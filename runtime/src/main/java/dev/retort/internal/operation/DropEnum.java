package dev.retort.internal.operation;

/** DROP TYPE. */
public record DropEnum(String schema, String name, boolean ifExists) implements Operation {
}
