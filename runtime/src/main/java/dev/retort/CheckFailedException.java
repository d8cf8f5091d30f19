package dev.retort;

/** A check found problems (lint errors with lintOnUpgrade=refuse): exit code 7. */
public class CheckFailedException extends RetortException {
    private static final long serialVersionUID = 1L;

    public CheckFailedException(String message) {
        super(message);
    }
}
