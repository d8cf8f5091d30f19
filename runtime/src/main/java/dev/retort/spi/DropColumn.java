package dev.retort.spi;

/** ALTER TABLE ... DROP COLUMN. */
public record DropColumn(String schema, String table, String name, boolean ifExists) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
