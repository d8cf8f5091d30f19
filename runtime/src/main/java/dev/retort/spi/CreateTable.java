package dev.retort.spi;

import dev.retort.ScriptException;

import java.util.List;

/** CREATE TABLE. */
public record CreateTable(String schema, String name, List<ColumnDef> columns, List<TableConstraint> constraints,
                          boolean ifNotExists, String comment) implements Operation {
    public CreateTable {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        if (columns.isEmpty()) {
            throw new ScriptException("createTable('" + name + "') has no columns; add at least one column");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
