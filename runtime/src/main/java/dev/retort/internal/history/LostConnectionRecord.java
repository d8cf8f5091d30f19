package dev.retort.internal.history;

import dev.retort.Direction;
import dev.retort.MigrationFailedException;
import dev.retort.Revision;
import dev.retort.internal.db.Database;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.sink.JdbcSink;
import dev.retort.spi.SqlFailure;

import java.sql.Connection;

/**
 * When a migration failed because its connection died (terminated, server restart), the failure row
 * could not be written on that connection, and the attempt would be invisible in {@code status}. This
 * writes it on a new connection, when the server answers again; otherwise the failure line is all there is.
 */
public final class LostConnectionRecord {
    private LostConnectionRecord() {
    }

    public static void write(MigrationFailedException e, Direction direction, Database database, VersionStore store,
                      RevisionGraph graph) {
        if (!connectionLost(e) || !graph.contains(e.revision())) {
            return;
        }
        Revision r = graph.get(e.revision());
        String detail = e.getMessage() == null ? null : e.getMessage().lines().findFirst().orElse(null);
        try (Connection c = database.connect()) {
            JdbcSink sink = new JdbcSink(c);
            store.ensureTables(sink, c);
            store.record(sink, new HistoryEntry(r.id(), direction, r.checksum(), r.message(), null, null, null,
                    false, detail));
        } catch (Exception again) {
            // the server is still away: the one line already says what happened
        }
    }

    private static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SqlFailure f && f.sqlState() != null
                    && (f.sqlState().startsWith("08") || f.sqlState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
