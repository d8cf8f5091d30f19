package dev.retort.maven;

import dev.retort.Retort;
import dev.retort.RunResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn retort:upgrade}: as {@code retort upgrade TARGET}. */
@Mojo(name = "upgrade", requiresProject = true, threadSafe = true)
public class UpgradeMojo extends AbstractRetortMojo {
    /** The target revision ({@code -Dretort.target}). */
    @Parameter(property = "retort.target", defaultValue = "head")
    String target;

    @Override
    void run(Retort retort) {
        RunResult result = retort.upgrade(target);
        if (result.steps().isEmpty()) {
            getLog().info("retort: nothing to do; the database is at " + (result.heads().isEmpty() ? "base" : String.join(", ", result.heads())));
        } else {
            getLog().info("retort: " + result.steps().size() + " migration(s) in " + result.duration().toMillis() + " ms; now at "
                    + (result.heads().isEmpty() ? "base" : String.join(", ", result.heads())));
        }
    }
}
