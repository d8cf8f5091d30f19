package dev.retort.spi;

/**
 * Raw SQL, one or more statements.
 *
 * @param sql      the statements
 * @param downSql  the reverse, or null
 */
public record Sql(String sql, String downSql) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
