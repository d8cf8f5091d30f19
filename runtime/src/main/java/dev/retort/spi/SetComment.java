package dev.retort.spi;

/** COMMENT ON TABLE, or ON COLUMN when {@code column} is given; a null {@code text} removes the comment. */
public record SetComment(String schema, String table, String column, String text) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
