package dev.retort.spi;

import dev.retort.ScriptException;

import java.util.List;

/** CREATE TYPE ... AS ENUM. */
public record CreateEnum(String schema, String name, List<String> values) implements Operation {
    public CreateEnum {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new ScriptException("createEnum '" + name + "' has no values; give a list: createEnum 'status', ['a', 'b']");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
