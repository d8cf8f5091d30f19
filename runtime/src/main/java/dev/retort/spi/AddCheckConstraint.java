package dev.retort.spi;

/** ALTER TABLE ... ADD CONSTRAINT ... CHECK. */
public record AddCheckConstraint(String schema, String name, String table, String check, boolean notValid)
        implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
