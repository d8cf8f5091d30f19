package dev.retort.internal.exec;

import dev.retort.internal.dialect.ConcurrencyQueries;
import dev.retort.internal.dialect.SessionSql;
import dev.retort.internal.dialect.Statement;
import dev.retort.internal.sink.SqlSink;

/** The lock and statement timeouts each migration runs under, set again only when they change. */
final class SessionTimeouts {
    // the timeouts last set on the session (-1: not yet, or raw SQL may have changed them)
    private long lock = -1;
    private long statement = -1;

    /** Sets {@code lockMs} and {@code statementMs} for the next migration. */
    void apply(SqlSink sink, long lockMs, long statementMs, boolean oneTransaction) {
        if (oneTransaction) { // one transaction for the run: the limits are per migration all the same
            sink.execute(Statement.of(ConcurrencyQueries.localTimeouts(lockMs, statementMs)));
        } else if (!sink.inTransaction()) {
            // a live session keeps them: set them again only when a script's header changes them
            if (!sink.keepsSession() || lockMs != lock || statementMs != statement) {
                SessionSql.timeouts(lockMs, statementMs).forEach(sink::execute);
                lock = lockMs;
                statement = statementMs;
            }
        }
    }

    /** Raw SQL may SET the session's timeouts: set ours again before the next step. */
    void forget() {
        lock = -1;
    }

    /** Puts a live session's timeouts back, so that an application's pooled connection goes back clean. */
    void reset(SqlSink sink) {
        if (!sink.keepsSession()) {
            return;
        }
        try {
            SessionSql.resetTimeouts().forEach(sink::execute);
        } catch (RuntimeException ignored) {
            // the connection is broken; it is closed next
        }
    }
}
