package dev.retort.internal.exec;

import dev.retort.spi.SqlFailure;

import java.util.Locale;

/**
 * What to do after a migration failed, by what caused it (the SQLSTATE class): only a failure the
 * script caused gets "fix the script"; a lost connection, a restarting server, a full disk, a busy table
 * or a connection pooler in the way each get their own advice.
 */
final class FailureAdvice {
    private FailureAdvice() {
    }

    static String of(RuntimeException e) {
        if (!(e instanceof SqlFailure f) || f.sqlState() == null) {
            return "fix the script and run again";
        }
        String state = f.sqlState();
        String message = f.serverMessage() == null ? "" : f.serverMessage().toLowerCase(Locale.ROOT);
        if (message.contains("pgbouncer") || state.equals("08P01")) {
            return "a connection pooler (PgBouncer?) refused it: connect Retort directly or through session pooling "
                    + "(or set lock=false for transaction pooling), then run again";
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return "the connection to the server was lost (terminated or the server restarted): not the script's fault; "
                    + "check the server, then run again";
        }
        if (state.equals("55P03")) {
            return "another session held a lock on the table past lock_timeout: run again when the table is less busy, "
                    + "or raise lockTimeout (header) / sqlLockTimeout";
        }
        if (state.equals("57014")) {
            return "the statement was cancelled (statement_timeout or an operator): raise statementTimeout if it needs longer, "
                    + "then run again";
        }
        if (state.startsWith("53")) {
            return "the server ran out of a resource (disk full, memory, connections): free it on the server, then run again";
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return "it collided with concurrent work (serialization failure or deadlock): run again";
        }
        return "fix the script and run again";
    }
}
