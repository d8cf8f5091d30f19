package dev.retort.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the schema model is, and where to build scratch databases: revision --autogenerate and check share them. */
public final class ModelOptions {
    @Option(names = "--model", paramLabel = "FILE", description = "the schema model (repeatable); default schema.groovy, or schema/*.groovy, in the project")
    public List<Path> model;

    @Option(names = "--scratch-url", paramLabel = "URL", description = "a disposable server to build scratch databases on (needs CREATE DATABASE); default a throwaway embedded PostgreSQL")
    public String scratchUrl;

    @Option(names = "--model-tables", paramLabel = "T1,T2", split = ",", description = "compare only these tables (a partial model); default the model.tables setting")
    public List<String> modelTables;

    @Option(names = "--model-classpath", paramLabel = "PATH", split = ",", description = "with a model source (model=jpa:PACKAGE): where its classes are, folders or jars (default the modelClasspath setting, else target/classes)")
    public List<Path> modelClasspath;

    /**
     * The model source ({@code jpa:PACKAGE}) from --model or the {@code model} setting, or null for schema.groovy.
     */
    public String source(ConfigResolver resolver, GlobalOptions g) {
        if (model != null && model.size() == 1 && model.get(0).toString().matches("[a-z]{2,}:.+")) {
            return model.get(0).toString();
        }
        if (given()) {
            return null;
        }
        String setting = resolver.modelSetting(g, "model");
        return setting != null && setting.matches("[a-z]{2,}:.+") ? setting : null;
    }

    @Option(names = "--model-exclude", paramLabel = "T1,T2", split = ",", description = "with a model source: tables it adds that the migrations do not manage (default the modelExclude setting)")
    public List<String> modelExclude;

    /** The model source's tables left out of the comparison: --model-exclude, else modelExclude. */
    public List<String> excluded(ConfigResolver resolver, GlobalOptions g) {
        if (modelExclude != null && !modelExclude.isEmpty()) {
            return modelExclude.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        }
        String setting = resolver.modelSetting(g, "modelExclude");
        return setting == null ? List.of() : java.util.Arrays.stream(setting.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** Where a model source's classes are, relative to the project. */
    public List<Path> classpath(ConfigResolver resolver, GlobalOptions g, Path projectDir) {
        List<Path> given = modelClasspath;
        if (given == null || given.isEmpty()) {
            String setting = resolver.modelSetting(g, "modelClasspath");
            given = (setting == null ? List.of("target/classes") : java.util.Arrays.asList(setting.split(",")))
                    .stream().map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
        }
        return given.stream().map(p -> p.isAbsolute() ? p : projectDir.resolve(p)).toList();
    }

    /** The tables a partial model covers: --model-tables, else model.tables (RETORT_MODEL_TABLES, retort.properties); empty: all. */
    public List<String> tables(ConfigResolver resolver, GlobalOptions g) {
        if (modelTables != null && !modelTables.isEmpty()) {
            return modelTables.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        }
        String setting = resolver.modelSetting(g, "model.tables");
        return setting == null ? List.of() : java.util.Arrays.stream(setting.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** The model's files: --model, else the project's schema.groovy or schema/*.groovy; empty when there is none. */
    public List<Path> files(Path projectDir) {
        if (model != null && !model.isEmpty()) {
            return model.stream().map(p -> p.isAbsolute() ? p : projectDir.resolve(p)).toList();
        }
        Path single = projectDir.resolve("schema.groovy");
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        Path dir = projectDir.resolve("schema");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".groovy")).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        }
        return List.of();
    }

    /** True when the user named a model. */
    public boolean given() {
        return model != null && !model.isEmpty();
    }
}
