package dev.retort.maven;

import dev.retort.Retort;
import dev.retort.RevisionStatus;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn retort:status}: every revision, applied or pending, and whether its script was edited. */
@Mojo(name = "status", requiresProject = true, threadSafe = true)
public class StatusMojo extends AbstractRetortMojo {
    @Override
    void run(Retort retort) {
        for (RevisionStatus s : retort.status()) {
            getLog().info((s.applied() ? "applied  " : "pending  ") + s.revision().id()
                    + (s.checksum() == RevisionStatus.ChecksumState.EDITED ? "  EDITED" : "") + "  " + s.revision().message());
        }
    }
}
