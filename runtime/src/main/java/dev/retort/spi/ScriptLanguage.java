package dev.retort.spi;

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

    /** Keep compiled scripts in {@code dir}, each entry authenticated with {@code seal} (null dir: no cache). */
    default void cacheIn(java.nio.file.Path dir, CacheSeal seal) {
    }

    /** Compiles the script into a runnable body; errors name file and line. */
    MigrationBody compile(ScriptSource source, Revision revision);

    /**
     * Reads a schema model (the files of {@code schema.groovy}) into the operations that build it;
     * {@code extensionAvailable} answers the model's questions about the server it is built on.
     */
    default java.util.List<dev.retort.spi.Operation> loadModel(java.util.List<java.nio.file.Path> files,
                                                                            java.util.function.Predicate<String> extensionAvailable) {
        throw new dev.retort.UsageException("the " + extension() + " script language has no schema model");
    }
}
