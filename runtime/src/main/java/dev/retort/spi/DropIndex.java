package dev.retort.spi;

/** DROP INDEX. */
public record DropIndex(String schema, String name, boolean concurrently, boolean ifExists) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
