package dev.retort.internal.sink;

import dev.retort.spi.SqlFailure;

import dev.retort.internal.dialect.Statement;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs statements on one connection, switching autocommit to open and close transactions. */
public final class JdbcSink implements SqlSink {
    private final Connection connection;
    private boolean inTransaction;

    public JdbcSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void begin() {
        try {
            connection.setAutoCommit(false);
            inTransaction = true;
        } catch (SQLException e) {
            throw new SqlFailure(null, e);
        }
    }

    @Override
    public void commit() {
        try {
            connection.commit();
            connection.setAutoCommit(true);
            inTransaction = false;
        } catch (SQLException e) {
            throw new SqlFailure(null, e);
        }
    }

    @Override
    public void rollback() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is broken; closing it rolls back on the server
        } finally {
            inTransaction = false;
        }
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void execute(Statement statement) {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute(statement.sql());
        } catch (SQLException e) {
            throw new SqlFailure(statement.sql(), e);
        }
    }

    @Override
    public void executeAll(java.util.List<Statement> statements) {
        if (statements.size() < 2) {
            statements.forEach(this::execute);
            return;
        }
        // the driver sends a multi-statement string as one batch: one round trip
        String sql = String.join(";\n", statements.stream().map(Statement::sql).toList());
        execute(Statement.of(sql));
    }

    @Override
    public void comment(String text) {
        // nothing to see online
    }

    @Override
    public boolean online() {
        return true;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public boolean keepsSession() {
        return true;
    }

    @Override
    public boolean locks() {
        return true;
    }

    @Override
    public boolean holdsRunTransaction() {
        return true;
    }

    @Override
    public boolean remembers() {
        return true;
    }

    @Override
    public boolean batchesBackfills() {
        return true;
    }

    @Override
    public boolean writesComments() {
        return false;
    }

    @Override
    public java.time.Duration elapsedSince(long startNanos) {
        return java.time.Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public boolean probe(String query) {
        try (java.sql.Statement st = connection.createStatement(); java.sql.ResultSet rs = st.executeQuery(query)) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new SqlFailure(null, e);
        }
    }

    @Override
    public String extensionState(String stateQuery) {
        try (java.sql.Statement st = connection.createStatement(); java.sql.ResultSet rs = st.executeQuery(stateQuery)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new SqlFailure(null, e);
        }
    }
}
