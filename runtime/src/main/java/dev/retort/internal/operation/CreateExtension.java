package dev.retort.internal.operation;

/** CREATE EXTENSION. */
public record CreateExtension(String name, boolean ifNotExists, String schema) implements Operation {
}
