package dev.retort.dsl;

import dev.retort.Revision;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.ScriptSource;

/** What the (Groovy) compiler offers to the (Java) language entry point. */
public interface ScriptCompiling {
    /** Compiles one script; errors name file and line. */
    MigrationBody compile(ScriptSource source, Revision revision);

    /** Runs the schema model files and returns the operations they declare. */
    java.util.List<dev.retort.spi.Operation> loadModel(java.util.List<java.nio.file.Path> files,
                                                                     java.util.function.Predicate<String> extensionAvailable);
}
