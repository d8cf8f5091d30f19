package dev.retort.spi;

/** ALTER TABLE ... VALIDATE CONSTRAINT. */
public record ValidateConstraint(String schema, String table, String name) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
