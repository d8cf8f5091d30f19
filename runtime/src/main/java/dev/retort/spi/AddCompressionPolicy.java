package dev.retort.spi;

/** TimescaleDB add_compression_policy (remove = true renders remove_compression_policy). */
public record AddCompressionPolicy(String schema, String table, String compressAfter, boolean remove) implements Operation {
}
