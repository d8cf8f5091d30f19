package dev.retort.maven;

import dev.retort.CheckFailedException;
import dev.retort.Retort;
import org.apache.maven.plugins.annotations.Mojo;

import java.util.List;

/**
 * {@code mvn retort:check}: fails the build when a script does not load, the database is behind the
 * heads (naming the revisions) or an applied script was edited, as {@code retort check} exits 7.
 */
@Mojo(name = "check", requiresProject = true, threadSafe = true)
public class CheckMojo extends AbstractRetortMojo {
    @Override
    void run(Retort retort) {
        List<String> problems = retort.problems();
        if (problems.isEmpty()) {
            getLog().info("ok: " + retort.revisions().size() + " scripts load, the database is at the head(s), no applied script was edited.");
            return;
        }
        for (String p : problems.subList(1, problems.size())) {
            getLog().error("problem: " + p);
        }
        throw new CheckFailedException("problem: " + problems.get(0) + (problems.size() > 1 ? " (" + problems.size() + " problem(s))" : ""));
    }
}
