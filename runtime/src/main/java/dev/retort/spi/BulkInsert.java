package dev.retort.spi;

import dev.retort.ScriptException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** INSERT INTO ... VALUES, many rows; every row has the same columns. */
public record BulkInsert(String schema, String table, List<Map<String, Object>> rows) implements Operation, RowChange {
    public BulkInsert {
        rows = List.copyOf(rows);
        List<String> columns = rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).keySet());
        for (int i = 1; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            if (!row.keySet().equals(new LinkedHashSet<>(columns))) {
                throw new ScriptException("bulkInsert into '" + table + "': row " + (i + 1) + " has columns " + row.keySet()
                        + " but row 1 has " + columns + "; give every row the same columns");
            }
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
