package dev.retort.spi;

import java.util.List;

/** ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY. */
public record AddForeignKey(String schema, String name, String table, List<String> columns, String references,
                            List<String> refColumns, String onDelete, String onUpdate, boolean notValid) implements Operation {
    public AddForeignKey {
        columns = List.copyOf(columns);
        refColumns = refColumns == null ? List.of() : List.copyOf(refColumns);
        OptionChecks.action("on delete", onDelete);
        OptionChecks.action("on update", onUpdate);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
