package dev.retort;

/** The command or its arguments are wrong (not the scripts, not the database). */
public class UsageException extends RetortException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
