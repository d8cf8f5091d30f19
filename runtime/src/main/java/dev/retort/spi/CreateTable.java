package dev.retort.spi;

import java.util.List;

/** CREATE TABLE. */
public record CreateTable(String schema, String name, List<ColumnDef> columns, List<TableConstraint> constraints,
                          boolean ifNotExists, String comment) implements Operation {
    public CreateTable {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
    }
}
