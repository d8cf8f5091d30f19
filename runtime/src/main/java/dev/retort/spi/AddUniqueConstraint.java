package dev.retort.spi;

import dev.retort.ScriptException;

import java.util.List;

/** ALTER TABLE ... ADD CONSTRAINT ... UNIQUE (or UNIQUE USING INDEX). */
public record AddUniqueConstraint(String schema, String name, String table, List<String> columns, String usingIndex)
        implements Operation {
    public AddUniqueConstraint {
        columns = columns == null ? List.of() : List.copyOf(columns);
        if (columns.isEmpty() == (usingIndex == null)) {
            throw new ScriptException("addUniqueConstraint '" + name + "' needs either columns: [...] or usingIndex:");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
