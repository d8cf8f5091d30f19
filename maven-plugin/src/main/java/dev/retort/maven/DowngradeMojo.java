package dev.retort.maven;

import dev.retort.Retort;
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
        report(retort.downgrade(target));
    }
}
