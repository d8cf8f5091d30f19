package dev.retort.internal.script;

import dev.retort.Revision;

/**
 * A script language (the Groovy DSL is the one there is), found with {@link java.util.ServiceLoader}
 * so the runtime stays free of Groovy.
 */
public interface ScriptLanguage {
    /** The file name ending this language reads, e.g. {@code .groovy}. */
    String extension();

    /** Reads the header without compiling; errors name file and line. */
    Revision readHeader(ScriptSource source, String checksum);

    /** Keep compiled scripts in {@code dir} (null: no cache). */
    default void cacheIn(java.nio.file.Path dir) {
    }

    /** Compiles the script into a runnable body; errors name file and line. */
    MigrationBody compile(ScriptSource source, Revision revision);
}
