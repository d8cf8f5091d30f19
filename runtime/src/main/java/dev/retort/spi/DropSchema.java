package dev.retort.spi;

/** DROP SCHEMA. */
public record DropSchema(String name, boolean ifExists, boolean cascade) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
