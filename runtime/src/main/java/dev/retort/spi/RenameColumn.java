package dev.retort.spi;

/** ALTER TABLE ... RENAME COLUMN. */
public record RenameColumn(String schema, String table, String from, String to) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
