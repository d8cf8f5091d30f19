package dev.retort.spi;

/** CREATE EXTENSION. */
public record CreateExtension(String name, boolean ifNotExists, String schema) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
