package dev.retort.internal.command;

import dev.retort.ScriptException;
import dev.retort.internal.autogen.Change;
import dev.retort.internal.dialect.PostgresDialect;
import dev.retort.internal.dialect.Statement;
import dev.retort.internal.sink.JdbcSink;
import dev.retort.spi.Operation;
import dev.retort.spi.SqlFailure;

import java.util.List;

/**
 * Runs generated changes' upgrades on a scratch database, so that autogenerate and baseline only write a script
 * PostgreSQL has accepted; the caller words the failure, which names the change or the statement.
 */
final class ScratchApply {
    /** What a failed statement becomes: one line for the user, the failure as its cause. */
    interface Refusal {
        ScriptException of(Change change, Statement statement, SqlFailure failure);
    }

    private ScratchApply() {
    }

    static void upgrades(JdbcSink scratch, PostgresDialect dialect, List<Change> changes, Refusal refusal) {
        for (Change change : changes) {
            for (Operation op : change.up()) {
                for (Statement s : dialect.render(op)) {
                    try {
                        scratch.execute(s);
                    } catch (SqlFailure e) {
                        throw refusal.of(change, s, e);
                    }
                }
            }
        }
    }
}
