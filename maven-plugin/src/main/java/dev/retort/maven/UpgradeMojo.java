package dev.retort.maven;

import dev.retort.Retort;
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
        report(retort.upgrade(target));
    }
}
