package dev.retort.internal.script;

import dev.retort.spi.ScriptSource;

import dev.retort.ConfigException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds every script below the configured locations: directories at any depth, or classpath folders. */
public final class ScriptLocator {
    private final Path projectDir;
    private final ClassLoader classLoader;

    public ScriptLocator(Path projectDir, ClassLoader classLoader) {
        this.projectDir = projectDir;
        this.classLoader = classLoader;
    }

    /** All scripts ending in one of {@code endings}, sorted by path for a stable order. */
    public List<ScriptSource> find(List<String> locations, List<String> endings) {
        List<ScriptSource> out = new ArrayList<>();
        for (String location : locations) {
            if (location.startsWith("classpath:")) {
                findOnClasspath(location.substring("classpath:".length()), endings, out);
            } else {
                Path dir = projectDir.resolve(location).normalize();
                if (!Files.isDirectory(dir)) {
                    throw new ConfigException("locations: script directory " + display(dir)
                            + " does not exist; create it with 'retort init' or pass -d DIR");
                }
                walk(dir, endings, out);
            }
        }
        return out;
    }

    /**
     * One line naming the {@code .sql} files (Flyway's {@code V1__x.sql}, plain SQL) in the script directories, which
     * Retort does not run yet: silence would let a user believe they were applied.
     */
    public java.util.Optional<String> ignoredSqlNotice(List<String> locations) {
        return ignoredSqlNotice(locations, f -> false);
    }

    /** As {@link #ignoredSqlNotice(List)}, leaving out the files a script runs ({@code sqlFile}): {@code used} says which. */
    public java.util.Optional<String> ignoredSqlNotice(List<String> locations, java.util.function.Predicate<Path> used) {
        List<String> sql = new ArrayList<>();
        for (String location : locations) {
            Path dir = projectDir.resolve(location).normalize();
            if (location.startsWith("classpath:") || !Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.getFileName() != null && f.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                        .endsWith(".sql") && Files.isRegularFile(f) && !used.test(f)).sorted().forEach(f -> sql.add(display(f)));
            } catch (IOException e) {
                return java.util.Optional.empty();
            }
        }
        if (sql.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("warning: Retort ignores " + sql.size() + " .sql file(s) in the script folders ("
                + String.join(", ", sql.subList(0, Math.min(3, sql.size()))) + (sql.size() > 3 ? ", ..." : "")
                + "): they are not run and not recorded; write them as .groovy migrations (sql '...') or move them out");
    }

    private void findOnClasspath(String path, List<String> endings, List<ScriptSource> out) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        try {
            Enumeration<URL> urls = classLoader.getResources(p);
            if (!urls.hasMoreElements()) {
                throw new ConfigException("locations: classpath:" + path + " is not on the classpath");
            }
            for (URL url : Collections.list(urls)) {
                URI uri = url.toURI();
                if ("jar".equals(uri.getScheme())) {
                    FileSystem fs;
                    try {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException e) {
                        fs = FileSystems.getFileSystem(uri);
                    }
                    walk(fs.provider().getPath(uri), endings, out);
                } else {
                    walk(Path.of(uri), endings, out);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new ConfigException("locations: cannot read classpath:" + path + ": " + e.getMessage(), e);
        }
    }

    private void walk(Path dir, List<String> endings, List<ScriptSource> out) {
        for (Path f : ScriptTree.files(dir, endings, this::display)) {
            out.add(new ScriptSource(f, display(f), ScriptTree.text(f, display(f))));
        }
    }

    private String display(Path f) {
        try {
            if (f.getFileSystem() == projectDir.getFileSystem() && f.startsWith(projectDir)) {
                return projectDir.relativize(f).toString();
            }
        } catch (IllegalArgumentException ignored) {
            // a path on another file system: show it whole
        }
        return f.toString();
    }
}
