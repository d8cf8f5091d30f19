package dev.retort.internal.dialect;

/**
 * One SQL statement ready to run.
 *
 * @param sql           the text, without a trailing semicolon
 * @param transactional false when PostgreSQL refuses it inside a transaction block
 */
public record Statement(String sql, boolean transactional) {
    /** A statement that may run inside a transaction. */
    public static Statement of(String sql) {
        return new Statement(sql, true);
    }
}
