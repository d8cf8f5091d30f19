package dev.retort.maven;

import dev.retort.CheckFailedException;
import dev.retort.Retort;
import dev.retort.VerifyReport;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn retort:verify}: upgrade, downgrade, upgrade each revision on a scratch database made on the configured server. */
@Mojo(name = "verify", requiresProject = true, threadSafe = true)
public class VerifyMojo extends AbstractRetortMojo {
    /** A range FROM:TO to verify (default: every revision). */
    @Parameter(property = "retort.range")
    String range;

    @Override
    void run(Retort retort) {
        VerifyReport report = retort.verifyOnScratchDatabase(range);
        if (report.failed() != null) {
            report.diff().forEach(d -> getLog().error("  " + d));
            throw new CheckFailedException("verify: " + report.failed() + ": " + report.problem());
        }
        getLog().info("verify: " + report.checked().size() + " revision(s) upgrade, downgrade and upgrade again cleanly");
    }
}
