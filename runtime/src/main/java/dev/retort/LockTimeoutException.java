package dev.retort;

/** Another runner held the migration lock for longer than the configured lock timeout. */
public class LockTimeoutException extends RetortException {
    private static final long serialVersionUID = 1L;

    public LockTimeoutException(String message) {
        super(message);
    }
}
