package dev.retort.spi;

/** CREATE SCHEMA. */
public record CreateSchema(String name, boolean ifNotExists) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
