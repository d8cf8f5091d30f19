package dev.retort.spi;

import java.util.List;

/** ALTER TABLE ... ADD CONSTRAINT ... UNIQUE (or UNIQUE USING INDEX). */
public record AddUniqueConstraint(String schema, String name, String table, List<String> columns, String usingIndex)
        implements Operation {
    public AddUniqueConstraint {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
