package dev.retort.spi;

import java.util.List;

/** A table-level constraint inside createTable. */
public sealed interface TableConstraint extends java.io.Serializable {
    /** PRIMARY KEY over several columns. */
    record PrimaryKey(String name, List<String> columns) implements TableConstraint {
    }

    /** UNIQUE over columns. */
    record Unique(String name, List<String> columns) implements TableConstraint {
    }

    /** CHECK with an expression. */
    record Check(String name, String expression) implements TableConstraint {
    }

    /** FOREIGN KEY. */
    record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns,
                      String onDelete, String onUpdate) implements TableConstraint {
        public ForeignKey {
            OptionChecks.action("on delete", onDelete);
            OptionChecks.action("on update", onUpdate);
        }
    }
}
