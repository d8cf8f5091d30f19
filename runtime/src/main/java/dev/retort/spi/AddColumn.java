package dev.retort.spi;

/** ALTER TABLE ... ADD COLUMN. */
public record AddColumn(String schema, String table, ColumnDef column) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
