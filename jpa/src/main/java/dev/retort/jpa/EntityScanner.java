package dev.retort.jpa;

import dev.retort.ConfigException;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The entity, embeddable and mapped-superclass classes of a package (and its subpackages) in folders and jars. */
final class EntityScanner {
    private EntityScanner() {
    }

    /** The annotated classes under {@code pkg}, loaded with {@code loader}, in name order. */
    static List<Class<?>> scan(String pkg, List<Path> classpath, ClassLoader loader) {
        String prefix = pkg.replace('.', '/');
        List<String> names = new ArrayList<>();
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                collect(entry, entry.resolve(prefix), names);
            } else if (Files.isRegularFile(entry)) {
                try (FileSystem jar = FileSystems.newFileSystem(entry, Map.of())) {
                    Path root = jar.getPath("/");
                    collect(root, root.resolve(prefix), names);
                } catch (IOException e) {
                    throw new ConfigException("modelClasspath: cannot read " + entry + ": " + e.getMessage(), e);
                }
            } else {
                throw new ConfigException("modelClasspath: " + entry + " does not exist; build the classes first (e.g. mvn compile) or fix modelClasspath");
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String name : names.stream().sorted().distinct().toList()) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ConfigException("model=jpa:" + pkg + ": cannot load " + name + ": " + e + "; put its dependencies on modelClasspath", e);
            }
            if (c.isAnnotationPresent(Entity.class) || c.isAnnotationPresent(Embeddable.class) || c.isAnnotationPresent(MappedSuperclass.class)) {
                out.add(c);
            }
        }
        if (out.stream().noneMatch(c -> c.isAnnotationPresent(Entity.class))) {
            throw new ConfigException("model=jpa:" + pkg + ": no @Entity class in package " + pkg + " on modelClasspath " + classpath
                    + "; check the package name and that the classes are compiled");
        }
        return out;
    }

    private static void collect(Path root, Path dir, List<String> names) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().equals("module-info.class")
                    && !f.getFileName().toString().equals("package-info.class")).forEach(f -> {
                String rel = root.relativize(f).toString().replace('\\', '/');
                names.add(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
            });
        } catch (IOException e) {
            throw new ConfigException("modelClasspath: cannot read " + dir + ": " + e.getMessage(), e);
        }
    }
}
