package dev.retort.spi;

import dev.retort.Revision;

/**
 * A script language (the Groovy DSL, plain SQL), found with {@link java.util.ServiceLoader}
 * so the runtime stays free of Groovy.
 */
public interface ScriptLanguage {
    /** The file name ending this language reads, e.g. {@code .groovy}. */
    String extension();

    /** Reads the header without compiling; errors name file and line. */
    Revision readHeader(ScriptSource source, String checksum);

    /**
     * Reads the headers of all of this language's files at once, in the order found, so that a language whose
     * files imply their order by name (Flyway's {@code V1__init.sql}, {@code V2__...}) can link them; a file that is
     * not a revision of its own (Flyway's {@code U2__...} undo file) yields none. Each revision's {@code file} is its
     * source's display name. Default: {@link #readHeader} for each file.
     */
    default java.util.List<Revision> readHeaders(java.util.List<ScriptSource> sources) {
        return sources.stream().map(s -> readHeader(s, s.checksum())).toList();
    }

    /**
     * True when {@code revision} (one of {@link #readHeaders}'s) is a repeatable migration (Flyway's {@code R__} file):
     * not a link of the graph, but run after an upgrade reaches every head whenever its text differs from the text it
     * last ran with. Default: none is.
     */
    default boolean repeatable(Revision revision) {
        return false;
    }

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
