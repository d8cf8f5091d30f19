package dev.retort;

/**
 * Base of every error Retort reports to its caller. The message is always one line that says
 * what went wrong, where, and what to do; detail (a cause, SQL state) travels in the cause.
 */
public class RetortException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RetortException(String message) {
        super(message);
    }

    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
