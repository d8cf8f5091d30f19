package dev.retort;

/**
 * {@code --sql} reached a migration that reads the database (which a script cannot do): the script up to
 * that migration is still written, ending in a comment and a line that stops psql there. The CLI prints
 * {@link #partialScript()} and exits 3 with this message, which names the migration's file.
 */
public final class PartialScriptException extends ScriptException {
    private static final long serialVersionUID = 1L;
    private final String partialScript;
    private final String revision;

    public PartialScriptException(String message, String partialScript, String revision, Throwable cause) {
        super(message, cause);
        this.partialScript = partialScript;
        this.revision = revision;
    }

    /** The complete migrations before the reading one, then the stop marker. */
    public String partialScript() {
        return partialScript;
    }

    /** The revision that reads the database (the script stops before it). */
    public String revision() {
        return revision;
    }
}
