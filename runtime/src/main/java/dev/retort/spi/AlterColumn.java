package dev.retort.spi;

import dev.retort.ScriptException;

/**
 * ALTER TABLE ... ALTER COLUMN: each non-null part becomes one clause.
 *
 * @param type         new type, or null
 * @param using        USING expression for the type change, or null
 * @param nullable     new nullability, or null
 * @param defaultValue new literal default, or null
 * @param defaultSql   new default expression, or null
 * @param dropDefault  DROP DEFAULT
 */
public record AlterColumn(String schema, String table, String name, String type, String using, Boolean nullable,
                          Object defaultValue, String defaultSql, boolean dropDefault) implements Operation {
    public AlterColumn {
        // USING only goes with a type change, so it alone changes nothing
        if (type == null && nullable == null && defaultValue == null && defaultSql == null && !dropDefault) {
            throw new ScriptException("alterColumn '" + table + "." + name
                    + "' changes nothing; give type:, nullable:, default:, defaultSql: or dropDefault: true");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
