package dev.retort.spi;

/** ALTER TABLE ... RENAME TO. */
public record RenameTable(String schema, String from, String to) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
