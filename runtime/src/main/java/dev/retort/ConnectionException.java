package dev.retort;

/** The database cannot be reached or refused the credentials. Never carries a password. */
public class ConnectionException extends RetortException {
    private static final long serialVersionUID = 1L;

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
