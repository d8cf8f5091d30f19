package dev.retort.spi;

/** TimescaleDB add_compression_policy (remove = true renders remove_compression_policy). */
public record AddCompressionPolicy(String schema, String table, String compressAfter, boolean remove) implements Operation {
    public AddCompressionPolicy {
        if (!remove) {
            OptionChecks.interval("compressAfter", compressAfter);
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
