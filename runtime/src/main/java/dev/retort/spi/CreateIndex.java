package dev.retort.spi;

import dev.retort.ScriptException;

import java.util.List;

/** CREATE INDEX. Either columns or an expression. */
public record CreateIndex(String schema, String name, String table, List<String> columns, String expression,
                          boolean unique, String where, String using, List<String> include,
                          boolean concurrently, boolean ifNotExists) implements Operation {
    public CreateIndex {
        columns = columns == null ? List.of() : List.copyOf(columns);
        include = include == null ? List.of() : List.copyOf(include);
        if (columns.isEmpty() == (expression == null)) {
            throw new ScriptException("createIndex '" + name + "' needs either columns: [...] or expression:, not both");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
