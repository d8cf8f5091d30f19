package dev.retort.internal.operation;

/** CREATE SCHEMA. */
public record CreateSchema(String name, boolean ifNotExists) implements Operation {
}
