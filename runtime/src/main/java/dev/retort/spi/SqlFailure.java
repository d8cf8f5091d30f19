package dev.retort.spi;

import java.sql.SQLException;

/** A statement the server refused, with the statement kept for the message. */
public final class SqlFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String statement;

    public SqlFailure(String statement, SQLException cause) {
        super(cause.getMessage(), cause);
        this.statement = statement;
    }

    /** The statement that failed, or null. */
    public String statement() {
        return statement;
    }

    /** The server's SQLSTATE. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    /** The server's message, first line only. */
    public String serverMessage() {
        String m = getCause().getMessage();
        if (m == null) {
            return "unknown error";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
