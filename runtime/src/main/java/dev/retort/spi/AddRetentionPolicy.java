package dev.retort.spi;

/** TimescaleDB add_retention_policy (remove = true renders remove_retention_policy). */
public record AddRetentionPolicy(String schema, String table, String dropAfter, boolean remove) implements Operation {
    public AddRetentionPolicy {
        if (!remove) {
            OptionChecks.interval("dropAfter", dropAfter);
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
