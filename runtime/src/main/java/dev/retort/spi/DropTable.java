package dev.retort.spi;

/** DROP TABLE. */
public record DropTable(String schema, String name, boolean ifExists, boolean cascade) implements Operation {
}
