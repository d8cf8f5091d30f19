package dev.retort.internal.sink;

import dev.retort.spi.SqlFailure;

import dev.retort.internal.dialect.Statement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs statements on one connection, switching autocommit to open and close transactions. */
public final class JdbcSink extends TransactionTrackingSink {
    private final Connection connection;

    public JdbcSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    protected void startTransaction() {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new SqlFailure(null, e);
        }
    }

    @Override
    protected void commitTransaction() {
        try {
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new SqlFailure(null, e);
        }
    }

    @Override
    protected void rollbackTransaction() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is broken; closing it rolls back on the server
        }
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
    public void executeAll(List<Statement> statements) {
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
    public boolean offline() {
        return false;
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
        List<Object[]> rows = query(query);
        return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0)[0]);
    }

    @Override
    public String extensionState(String stateQuery) {
        List<Object[]> rows = query(stateQuery);
        return rows.isEmpty() || rows.get(0)[0] == null ? null : rows.get(0)[0].toString();
    }

    @Override
    public List<Object[]> query(String query) {
        try (java.sql.Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rows(rs);
        } catch (SQLException e) {
            throw new SqlFailure(query, e);
        }
    }

    @Override
    public List<Object[]> queryWith(String sql, Object... parameters) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs);
            }
        } catch (SQLException e) {
            throw new SqlFailure(sql, e);
        }
    }

    @Override
    public List<Integer> executeCounting(List<Statement> statements) {
        // the driver sends a multi-statement string as one batch and reports one count per statement
        String sql = String.join(";\n", statements.stream().map(Statement::sql).toList());
        List<Integer> counts = new ArrayList<>();
        try (java.sql.Statement st = connection.createStatement()) {
            boolean result = st.execute(sql);
            while (true) {
                int n = st.getUpdateCount();
                if (!result && n == -1) {
                    break;
                }
                counts.add(n);
                result = st.getMoreResults();
            }
        } catch (SQLException e) {
            throw new SqlFailure(sql, e);
        }
        return counts;
    }

    private static List<Object[]> rows(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        List<Object[]> out = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[columns];
            for (int i = 0; i < columns; i++) {
                row[i] = rs.getObject(i + 1);
            }
            out.add(row);
        }
        return out;
    }
}
