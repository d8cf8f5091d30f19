package dev.retort.internal.db;

import dev.retort.ConnectionException;
import dev.retort.ConnectionException.Reason;
import dev.retort.internal.config.DatabaseUrl;

import java.sql.SQLException;

/** One line per way a connection fails, the four of README.md (Commands) told apart in the first words after the target. */
final class ConnectFailures {
    private ConnectFailures() {
    }

    static ConnectionException of(String target, SQLException e, DatabaseUrl url) {
        SQLException root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                root = s;
                break;
            }
        }
        String first = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        String detail = first.replaceAll("(?i)^FATAL: ", "");
        Reason reason = Reason.of(e);
        if (reason == Reason.OTHER && (first.contains("Connection refused") || first.contains("connection attempt failed"))) {
            reason = Reason.SERVER_UNREACHABLE;
        }
        String what = switch (reason) {
            case AUTHENTICATION_FAILED -> "authentication failed (" + detail + "); check the user and password";
            case DATABASE_MISSING -> "database does not exist (" + detail + "); create it, pass --create-database"
                    + " (createDatabase=true), or fix the database name in the URL";
            case SERVER_UNREACHABLE -> "server unreachable (" + detail + "); is it running, and are host and port right?"
                    + " (--wait 30s waits for a server that is starting)";
            case PERMISSION_DENIED -> "permission denied (" + detail + ")";
            case OTHER -> detail;
        };
        String masked = url != null && url.password() != null ? what.replace(url.password(), "***") : what;
        return new ConnectionException("cannot connect to " + target + ": " + masked
                + " (set the URL with --url, RETORT_URL or DATABASE_URL)", e, reason);
    }
}
