package dev.retort.maven;

import dev.retort.CheckFailedException;
import dev.retort.ConfigException;
import dev.retort.ConnectionException;
import dev.retort.LockTimeoutException;
import dev.retort.MigrationFailedException;
import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.RetortException;
import dev.retort.RetortSettings;
import dev.retort.RunResult;
import dev.retort.ScriptException;
import dev.retort.UsageException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What every goal shares: the settings, lowest first, from retort.properties, the pom's
 * {@code <configuration>}, then {@code -Dretort.*} properties; the names are {@link RetortSettings}'s,
 * as in the CLI and Spring. A failure fails the build with the CLI's line and names its exit code.
 */
abstract class AbstractRetortMojo extends AbstractMojo {
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;
    /** The properties file (default retort.properties beside the pom; absent is fine). */
    @Parameter(property = "retort.configFile", defaultValue = "${project.basedir}/retort.properties")
    File configFile;
    /** Skip the goal. */
    @Parameter(property = "retort.skip", defaultValue = "false")
    boolean skip;

    @Parameter String url;
    @Parameter String user;
    @Parameter String password;
    @Parameter List<String> locations;
    @Parameter String schema;
    @Parameter String versionTable;
    @Parameter String historyTable;
    @Parameter String lockTimeout;
    @Parameter String lock;
    @Parameter String transactionPerMigration;
    @Parameter String sqlLockTimeout;
    @Parameter String sqlStatementTimeout;
    @Parameter String concurrentlyTimeout;
    @Parameter String lockRetries;
    @Parameter String lockRetryBackoff;
    @Parameter String validateChecksums;
    @Parameter String lintOnUpgrade;
    @Parameter String cache;
    @Parameter String blockers;
    /** lock.maxBlockerAge. */
    @Parameter String maxBlockerAge;
    /** Lint rule id to level (error, warning, off). */
    @Parameter Map<String, String> lint;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("retort: skipped (retort.skip)");
            return;
        }
        try (Retort retort = RetortSettings.apply(RetortConfig.builder().projectDir(basedir.toPath()), settings()).load()) {
            run(retort);
        } catch (RetortException e) {
            int code = exitCode(e);
            String line = e.getMessage();
            getLog().error("error: " + line);
            throw new MojoFailureException(line + System.lineSeparator() + "(the CLI exits " + code + " for this: "
                    + meaning(code) + ")", e);
        }
    }

    /** The goal's work. */
    abstract void run(Retort retort) throws MojoExecutionException, MojoFailureException;

    /** One line for a finished upgrade or downgrade: what ran and where the database is now. */
    void report(RunResult result) {
        String at = result.heads().isEmpty() ? "base" : String.join(", ", result.heads());
        getLog().info(result.steps().isEmpty() ? "retort: nothing to do; the database is at " + at
                : "retort: " + result.steps().size() + " migration(s) in " + result.duration().toMillis() + " ms; now at " + at);
    }

    Map<String, Object> settings() throws MojoExecutionException {
        Map<String, Object> s = new LinkedHashMap<>(fileSettings());
        Map<String, Object> pom = new LinkedHashMap<>();
        pom.put("url", url);
        pom.put("user", user);
        pom.put("password", password);
        pom.put("locations", locations == null || locations.isEmpty() ? null : locations);
        pom.put("schema", schema);
        pom.put("versionTable", versionTable);
        pom.put("historyTable", historyTable);
        pom.put("lockTimeout", lockTimeout);
        pom.put("lock", lock);
        pom.put("transactionPerMigration", transactionPerMigration);
        pom.put("sqlLockTimeout", sqlLockTimeout);
        pom.put("sqlStatementTimeout", sqlStatementTimeout);
        pom.put("concurrentlyTimeout", concurrentlyTimeout);
        pom.put("lockRetries", lockRetries);
        pom.put("lockRetryBackoff", lockRetryBackoff);
        pom.put("validateChecksums", validateChecksums);
        pom.put("lintOnUpgrade", lintOnUpgrade);
        pom.put("cache", cache);
        pom.put("blockers", blockers);
        pom.put("lock.maxBlockerAge", maxBlockerAge);
        if (lint != null) {
            lint.forEach((rule, level) -> pom.put("lint." + rule, level));
        }
        pom.forEach((k, v) -> {
            if (v != null) {
                s.put(k, v);
            }
        });
        // -Dretort.NAME wins over the pom, as a flag wins over retort.properties in the CLI
        Properties user = session == null ? new Properties() : session.getUserProperties();
        for (String key : user.stringPropertyNames()) {
            if (key.startsWith("retort.") && !GOAL_PROPERTIES.contains(key)) {
                String name = RetortSettings.canonical(key);
                s.put(name == null ? key : name, user.getProperty(key));
            }
        }
        return s;
    }

    private static final List<String> GOAL_PROPERTIES = List.of("retort.skip", "retort.configFile", "retort.target",
            "retort.range", "retort.pgVersion", "retort.output");

    private Map<String, Object> fileSettings() throws MojoExecutionException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (configFile == null || !configFile.isFile()) {
            return out;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(configFile.toPath(), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new MojoExecutionException("config: cannot read " + configFile + ": " + e.getMessage(), e);
        }
        for (String k : p.stringPropertyNames()) {
            out.put(k, p.getProperty(k).trim());
        }
        return out;
    }

    // the CLI's exit codes (README.md, Commands)
    static int exitCode(RetortException e) {
        if (e instanceof UsageException || e instanceof ConfigException) {
            return 2;
        }
        if (e instanceof ScriptException) {
            return 3;
        }
        if (e instanceof ConnectionException) {
            return 4;
        }
        if (e instanceof MigrationFailedException) {
            return 5;
        }
        if (e instanceof LockTimeoutException) {
            return 6;
        }
        if (e instanceof CheckFailedException) {
            return 7;
        }
        return 1;
    }

    static String meaning(int code) {
        return switch (code) {
            case 2 -> "bad usage or configuration";
            case 3 -> "a script problem";
            case 4 -> "cannot connect";
            case 5 -> "a migration failed";
            case 6 -> "the migration lock was not free in time";
            case 7 -> "the check found problems";
            default -> "an unexpected error";
        };
    }
}
