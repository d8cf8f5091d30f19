package dev.retort.internal.history;

import dev.retort.HistoryRow;
import dev.retort.internal.dialect.BookkeepingSql;
import dev.retort.internal.dialect.Statement;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.SqlFailure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The version table (one row per current head) and the history table (one row per step).
 * Writes go through the sink, so they land in the migration's own transaction or in the --sql script.
 */
public record VersionStore(String schema, String versionTable, String historyTable) {

    /** Creates the tables when missing. */
    public void ensureTables(SqlSink sink) {
        for (Statement s : BookkeepingSql.createRetortTables(schema, versionTable, historyTable)) {
            sink.execute(s);
        }
    }

    /** As {@link #ensureTables(SqlSink)}, writing nothing when both tables exist (a read-only replica at head stays a no-op). */
    public void ensureTables(SqlSink sink, Connection c) {
        if (!exists(c) || !historyExists(c)) {
            ensureTables(sink);
        }
    }

    /** True when the history table exists. */
    public boolean historyExists(Connection c) {
        return tableExists(c, historyTable);
    }

    /** True when the version table exists. */
    public boolean exists(Connection c) {
        return tableExists(c, versionTable);
    }

    private boolean tableExists(Connection c, String table) {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(BookkeepingSql.tableExists(schema, table))) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new SqlFailure(null, e);
        }
    }

    /** The heads the database is at; empty when the table does not exist yet. */
    public List<String> read(Connection c) {
        if (!exists(c)) {
            return List.of();
        }
        return rows(c, BookkeepingSql.selectVersions(schema, versionTable), rs -> rs.getString(1));
    }

    /** Replaces the heads {@code before} with {@code after}, touching only rows that change. */
    public void moveHeads(SqlSink sink, List<String> before, List<String> after) {
        moveHeadsStatements(before, after).forEach(sink::execute);
    }

    /** The statements of {@link #moveHeads}: one UPDATE for a linear step, else a DELETE or INSERT per changed row. */
    public List<Statement> moveHeadsStatements(List<String> before, List<String> after) {
        Set<String> keep = new HashSet<>(after);
        Set<String> had = new HashSet<>(before);
        List<String> gone = before.stream().filter(b -> !keep.contains(b)).toList();
        List<String> come = after.stream().filter(a -> !had.contains(a)).toList();
        if (gone.size() == 1 && come.size() == 1) {
            return List.of(BookkeepingSql.updateVersion(schema, versionTable, gone.get(0), come.get(0)));
        }
        List<Statement> out = new ArrayList<>();
        for (String b : gone) {
            out.add(BookkeepingSql.deleteVersion(schema, versionTable, b));
        }
        for (String a : come) {
            out.add(BookkeepingSql.insertVersion(schema, versionTable, a));
        }
        return out;
    }

    /** Appends one history row. */
    public void record(SqlSink sink, HistoryEntry e) {
        sink.execute(recordStatement(e));
    }

    /** Records a failed attempt in a transaction of its own; a failure to record it is dropped, the failure itself matters. */
    public void recordFailure(SqlSink sink, HistoryEntry e) {
        try {
            sink.begin();
            record(sink, e);
            sink.commit();
        } catch (RuntimeException ignored) {
            sink.rollback();
        }
    }

    /** The statement of {@link #record}. */
    public Statement recordStatement(HistoryEntry e) {
        return BookkeepingSql.insertHistory(schema, historyTable, e.revision(), e.action().word(), e.checksum(), e.message(),
                e.appliedBy(), e.durationMs(), e.success(), e.detail());
    }

    /** Every history row, oldest first; empty when the table does not exist. */
    public List<HistoryEntry> history(Connection c) {
        if (!historyExists(c)) {
            return List.of();
        }
        return rows(c, BookkeepingSql.selectHistory(schema, historyTable), rs -> {
            long d = rs.getLong(7);
            return new HistoryEntry(rs.getString(1), HistoryRow.Action.of(rs.getString(2)), rs.getString(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant(), rs.getString(6), rs.wasNull() ? null : d, rs.getBoolean(8),
                    rs.getString(9));
        });
    }

    // one query's rows, each read by {@code row}; a JDBC error is the run's SqlFailure
    private static <T> List<T> rows(Connection c, String sql, RowReader<T> row) {
        List<T> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(row.read(rs));
            }
        } catch (SQLException e) {
            throw new SqlFailure(null, e);
        }
        return out;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
