package dev.retort.maven;

import dev.retort.Retort;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn retort:history}: the history table, oldest first. */
@Mojo(name = "history", requiresProject = true, threadSafe = true)
public class HistoryMojo extends AbstractRetortMojo {
    @Override
    void run(Retort retort) {
        for (var e : retort.appliedHistory()) {
            getLog().info(e.appliedAt() + "  " + e.action().word() + "  " + e.revision() + (e.success() ? "" : "  FAILED")
                    + (e.message() == null ? "" : "  " + e.message()));
        }
    }
}
