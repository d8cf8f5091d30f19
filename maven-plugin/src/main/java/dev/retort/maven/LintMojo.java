package dev.retort.maven;

import dev.retort.CheckFailedException;
import dev.retort.LintFinding;
import dev.retort.Retort;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** {@code mvn retort:lint}: lint findings at their level; the build fails on an error, as the CLI exits 7. */
@Mojo(name = "lint", requiresProject = true, threadSafe = true)
public class LintMojo extends AbstractRetortMojo {
    /** A range FROM:TO to lint (default: every revision). */
    @Parameter(property = "retort.range")
    String range;
    /** The PostgreSQL major version the rules assume. */
    @Parameter(property = "retort.pgVersion", defaultValue = "17")
    int pgVersion;

    @Override
    void run(Retort retort) {
        List<LintFinding> findings = retort.lint(range, pgVersion);
        for (LintFinding f : findings) {
            String line = f.file() + ":" + f.line() + " " + f.rule() + " " + f.message();
            if (f.error()) {
                getLog().error(line);
            } else if (f.level() == dev.retort.LintLevel.WARNING) {
                getLog().warn(line);
            } else {
                getLog().debug(line); // info: shown with mvn -X, as the CLI shows it with -v
            }
        }
        long errors = findings.stream().filter(LintFinding::error).count();
        if (errors > 0) {
            throw new CheckFailedException(errors + " lint error(s); see above");
        }
        getLog().info("lint: " + findings.size() + " finding(s), no errors");
    }
}
