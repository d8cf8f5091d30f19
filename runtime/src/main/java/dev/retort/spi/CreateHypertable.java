package dev.retort.spi;

/**
 * TimescaleDB create_hypertable.
 *
 * @param byRange true for the 2.13+ form {@code create_hypertable('t', by_range('time', interval))};
 *                false for the classic form
 */
public record CreateHypertable(String schema, String table, String timeColumn, String chunkInterval, boolean ifNotExists,
                               boolean migrateData, boolean byRange) implements Operation {
    public CreateHypertable {
        if (chunkInterval != null) {
            OptionChecks.interval("chunkInterval", chunkInterval);
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
