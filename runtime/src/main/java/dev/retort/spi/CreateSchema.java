package dev.retort.spi;

/** CREATE SCHEMA. */
public record CreateSchema(String name, boolean ifNotExists) implements Operation {
}
