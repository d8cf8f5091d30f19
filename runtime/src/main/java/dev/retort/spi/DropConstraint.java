package dev.retort.spi;

/** ALTER TABLE ... DROP CONSTRAINT. */
public record DropConstraint(String schema, String table, String name, boolean ifExists) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
