package dev.retort.spi;

/** DROP TYPE. */
public record DropEnum(String schema, String name, boolean ifExists) implements Operation {
}
