package dev.retort.maven;

import dev.retort.Retort;
import dev.retort.RunResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn retort:downgrade}: as {@code retort downgrade TARGET}. */
@Mojo(name = "downgrade", requiresProject = true, threadSafe = true)
public class DowngradeMojo extends AbstractRetortMojo {
    /** The target revision ({@code -Dretort.target}). */
    @Parameter(property = "retort.target", required = true)
    String target;

    @Override
    void run(Retort retort) {
        RunResult result = retort.downgrade(target);
        if (result.steps().isEmpty()) {
            getLog().info("retort: nothing to do; the database is at " + (result.heads().isEmpty() ? "base" : String.join(", ", result.heads())));
        } else {
            getLog().info("retort: " + result.steps().size() + " migration(s) in " + result.duration().toMillis() + " ms; now at "
                    + (result.heads().isEmpty() ? "base" : String.join(", ", result.heads())));
        }
    }
}
