package dev.retort.spi;

/** ALTER TYPE ... ADD VALUE. */
public record AddEnumValue(String schema, String name, String value, String before, String after, boolean ifNotExists)
        implements Operation {
}
