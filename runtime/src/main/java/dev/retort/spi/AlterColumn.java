package dev.retort.spi;

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
}
