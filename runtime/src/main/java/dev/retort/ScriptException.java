package dev.retort;

/**
 * A migration script or the revision graph is wrong: a compile error, a bad header, a cycle,
 * an unknown or ambiguous revision, several heads where one is needed.
 */
public class ScriptException extends RetortException {
    private static final long serialVersionUID = 1L;

    public ScriptException(String message) {
        super(message);
    }

    public ScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
