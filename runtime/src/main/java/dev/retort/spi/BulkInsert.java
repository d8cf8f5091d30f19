package dev.retort.spi;

import java.util.List;
import java.util.Map;

/** INSERT INTO ... VALUES, many rows; every row has the same columns. */
public record BulkInsert(String schema, String table, List<Map<String, Object>> rows) implements Operation {
    public BulkInsert {
        rows = List.copyOf(rows);
    }
}
