package dev.retort.spi;

/** DROP TYPE. */
public record DropEnum(String schema, String name, boolean ifExists) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
