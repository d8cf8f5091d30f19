package dev.retort.spi;

import java.util.List;

/** CREATE INDEX. Either columns or an expression. */
public record CreateIndex(String schema, String name, String table, List<String> columns, String expression,
                          boolean unique, String where, String using, List<String> include,
                          boolean concurrently, boolean ifNotExists) implements Operation {
    public CreateIndex {
        columns = columns == null ? List.of() : List.copyOf(columns);
        include = include == null ? List.of() : List.copyOf(include);
    }
}
