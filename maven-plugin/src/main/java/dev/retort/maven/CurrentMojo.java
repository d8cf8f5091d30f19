package dev.retort.maven;

import dev.retort.Retort;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn retort:current}: the heads the database is at. */
@Mojo(name = "current", requiresProject = true, threadSafe = true)
public class CurrentMojo extends AbstractRetortMojo {
    @Override
    void run(Retort retort) {
        var current = retort.current();
        getLog().info(current.isEmpty() ? "base" : String.join(", ", current));
    }
}
