package dev.retort.spi;

/** DROP TABLE. */
public record DropTable(String schema, String name, boolean ifExists, boolean cascade) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
