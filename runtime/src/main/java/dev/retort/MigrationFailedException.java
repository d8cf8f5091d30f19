package dev.retort;

/** A migration failed while running; its transaction was rolled back. */
public class MigrationFailedException extends RetortException {
    private static final long serialVersionUID = 1L;
    private final String revision;

    public MigrationFailedException(String revision, String message, Throwable cause) {
        super(message, cause);
        this.revision = revision;
    }

    /** The revision whose migration failed. */
    public String revision() {
        return revision;
    }
}
