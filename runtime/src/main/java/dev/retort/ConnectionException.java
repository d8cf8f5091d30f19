package dev.retort;

import java.sql.SQLException;

/**
 * The database cannot be reached, refused the credentials, does not exist, or refused Retort's own
 * tables; {@link #reason()} says which (README.md, Commands: all exit 4). Never carries a password.
 */
public class ConnectionException extends RetortException {
    private static final long serialVersionUID = 1L;

    /** Why Retort could not work with the database. */
    public enum Reason {
        /** The server refused the connection, timed out, or is starting up or shutting down. */
        SERVER_UNREACHABLE("server unreachable"),
        /** The server refused the user or password. */
        AUTHENTICATION_FAILED("authentication failed"),
        /** The server runs but has no database of that name. */
        DATABASE_MISSING("database does not exist"),
        /** The role may not create, read or write the version and history tables. */
        PERMISSION_DENIED("permission denied on Retort's tables"),
        /** Anything else (a lost connection, a server error). */
        OTHER("other");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** The words the first line of the message uses. */
        public String text() {
            return text;
        }

        /** A stable name for machines ({@code --json}'s {@code reason}): e.g. {@code authentication_failed}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The reason an SQLSTATE (or a driver's missing state with a connect error) stands for. */
        public static Reason of(Throwable error) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof SQLException s && s.getSQLState() != null) {
                    String state = s.getSQLState();
                    if (state.startsWith("28")) {
                        return AUTHENTICATION_FAILED;
                    }
                    if (state.equals("3D000")) {
                        return DATABASE_MISSING;
                    }
                    if (state.equals("42501")) {
                        return PERMISSION_DENIED;
                    }
                    // 08: connection exceptions; 57P03: the database system is starting up
                    if (state.startsWith("08") || state.equals("57P03")) {
                        return SERVER_UNREACHABLE;
                    }
                    return OTHER;
                }
                if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException
                        || t instanceof java.net.UnknownHostException) {
                    return SERVER_UNREACHABLE;
                }
            }
            return OTHER;
        }
    }

    private final Reason reason;

    public ConnectionException(String message, Throwable cause) {
        this(message, cause, Reason.of(cause));
    }

    public ConnectionException(String message, Throwable cause, Reason reason) {
        super(reason == Reason.PERMISSION_DENIED && !message.startsWith(reason.text()) ? reason.text() + ": " + message : message,
                cause);
        this.reason = reason;
    }

    /** Which of the four connection failures this is, or {@link Reason#OTHER}. */
    public Reason reason() {
        return reason;
    }
}
