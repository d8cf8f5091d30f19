package dev.retort.dsl;

import dev.retort.Revision;
import dev.retort.internal.script.MigrationBody;
import dev.retort.internal.script.ScriptSource;

/** What the (Groovy) compiler offers to the (Java) language entry point. */
public interface ScriptCompiling {
    /** Compiles one script; errors name file and line. */
    MigrationBody compile(ScriptSource source, Revision revision);
}
