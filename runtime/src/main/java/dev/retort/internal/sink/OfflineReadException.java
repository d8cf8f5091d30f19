package dev.retort.internal.sink;

import dev.retort.ScriptException;

/** A migration asked for the database connection while being written as SQL (--sql): the script can only go up to it. */
public final class OfflineReadException extends ScriptException {
    private static final long serialVersionUID = 1L;

    OfflineReadException(String message) {
        super(message);
    }
}
