package dev.retort.spi;

/** ALTER TABLE ... RENAME CONSTRAINT. */
public record RenameConstraint(String schema, String table, String from, String to) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
