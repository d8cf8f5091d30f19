package dev.retort.maven;

import dev.retort.Retort;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** {@code mvn retort:sql}: writes the upgrade's SQL script ({@code retort upgrade --sql}) under target/retort, without a database. */
@Mojo(name = "sql", requiresProject = true, threadSafe = true)
public class SqlMojo extends AbstractRetortMojo {
    /** The target: a revision or FROM:TO (default head, from base). */
    @Parameter(property = "retort.target", defaultValue = "head")
    String target;
    /** Where the script goes. */
    @Parameter(property = "retort.output", defaultValue = "${project.build.directory}/retort/upgrade.sql")
    File output;

    @Override
    void run(Retort retort) throws MojoExecutionException {
        String sql = retort.upgradeSql(target);
        try {
            Files.createDirectories(output.toPath().getParent());
            Files.writeString(output.toPath(), sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("sql: cannot write " + output + ": " + e.getMessage(), e);
        }
        getLog().info("retort: wrote " + output);
    }
}
