package dev.retort.internal.command;

import dev.retort.ForeignHistoryRow;
import dev.retort.UsageException;
import dev.retort.internal.dialect.ForeignHistoryQueries;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads another tool's version table (Flyway's history, Alembic's heads) in the configured schema; writes nothing. */
public final class ForeignHistory {
    private final CommandContext ctx;

    public ForeignHistory(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Every row of Flyway's history table, oldest first. */
    public List<ForeignHistoryRow> flyway(String table) {
        return ctx.onDatabase("could not read " + table + " on", c -> {
            requireTable(c, table, "Flyway");
            List<ForeignHistoryRow> rows = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(ForeignHistoryQueries.flywayRows(ctx.config().schema(), table))) {
                while (rs.next()) {
                    int checksum = rs.getInt("checksum");
                    rows.add(new ForeignHistoryRow(rs.getInt("installed_rank"), rs.getString("version"),
                            rs.getString("description"), rs.getString("type"), rs.getString("script"),
                            rs.wasNull() ? null : checksum, rs.getBoolean("success")));
                }
            }
            return rows;
        });
    }

    /** The revisions in Alembic's version table. */
    public List<String> alembic(String table) {
        return ctx.onDatabase("could not read " + table + " on", c -> {
            requireTable(c, table, "Alembic");
            List<String> heads = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(ForeignHistoryQueries.alembicHeads(ctx.config().schema(), table))) {
                while (rs.next()) {
                    heads.add(rs.getString(1));
                }
            }
            return heads;
        });
    }

    private void requireTable(Connection c, String table, String tool) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(ForeignHistoryQueries.exists(ctx.config().schema(), table))) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new UsageException("there is no " + tool + " table " + ctx.config().schema() + "." + table + " on "
                        + ctx.database().describe() + "; point --url (and --schema) at the database " + tool + " migrated");
            }
        }
    }
}
