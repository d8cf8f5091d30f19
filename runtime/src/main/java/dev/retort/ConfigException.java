package dev.retort;

/** A setting is missing, unknown or has a bad value; the message names the setting. */
public class ConfigException extends RetortException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
