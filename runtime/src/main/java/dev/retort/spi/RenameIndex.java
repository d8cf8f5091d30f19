package dev.retort.spi;

/** ALTER INDEX ... RENAME TO. */
public record RenameIndex(String schema, String from, String to) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
