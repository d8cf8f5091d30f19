package dev.retort.spi;

import dev.retort.ScriptException;

/** ALTER TYPE ... ADD VALUE. */
public record AddEnumValue(String schema, String name, String value, String before, String after, boolean ifNotExists)
        implements Operation {
    public AddEnumValue {
        if (before != null && after != null) {
            throw new ScriptException("addEnumValue '" + value + "': give before: or after:, not both");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
