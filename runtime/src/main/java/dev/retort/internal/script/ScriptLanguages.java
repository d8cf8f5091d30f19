package dev.retort.internal.script;

import dev.retort.ConfigException;
import dev.retort.Revision;
import dev.retort.UsageException;
import dev.retort.spi.CacheSeal;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.Operation;
import dev.retort.spi.ScriptLanguage;
import dev.retort.spi.ScriptSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Predicate;

/**
 * Every script language on the classpath as one: each file goes to the language whose ending it matches longest
 * (so {@code .retort.kts} is not mistaken for another {@code .kts} language), and all files share one revision graph.
 */
public final class ScriptLanguages implements ScriptLanguage {
    private final List<ScriptLanguage> languages;

    public ScriptLanguages(List<ScriptLanguage> languages) {
        if (languages.isEmpty()) {
            throw new ConfigException("no script language found on the classpath; add the retort-dsl artifact");
        }
        List<ScriptLanguage> sorted = new ArrayList<>(languages);
        sorted.sort(Comparator.comparingInt((ScriptLanguage l) -> l.extension().length()).reversed());
        this.languages = List.copyOf(sorted);
    }

    /** The languages {@link ServiceLoader} finds through {@code loader}. */
    public static ScriptLanguages load(ClassLoader loader) {
        List<ScriptLanguage> found = new ArrayList<>();
        for (ScriptLanguage l : ServiceLoader.load(ScriptLanguage.class, loader)) {
            if (found.stream().noneMatch(f -> f.extension().equals(l.extension()))) {
                found.add(l);
            }
        }
        return new ScriptLanguages(found);
    }

    /** The file endings of all languages, longest first. */
    public List<String> endings() {
        return languages.stream().map(ScriptLanguage::extension).toList();
    }

    /** True when some language reads files ending in {@code ending}. */
    public boolean reads(String ending) {
        return languages.stream().anyMatch(l -> l.extension().equals(ending));
    }

    /** The language for a file name: the longest matching ending. */
    public ScriptLanguage forFile(String fileName) {
        for (ScriptLanguage l : languages) {
            if (fileName.endsWith(l.extension())) {
                return l;
            }
        }
        throw new UsageException(fileName + ": no script language reads this file; endings known: "
                + String.join(", ", endings()));
    }

    /** The language named by its ending without the dot ({@code groovy}, {@code sql}) or by a known alias. */
    public ScriptLanguage named(String name) {
        for (ScriptLanguage l : languages) {
            if (l.extension().equals("." + name) || l.extension().endsWith("." + name)
                    || ("kotlin".equals(name) && l.extension().endsWith(".kts"))) {
                return l;
            }
        }
        throw new UsageException("unknown script language '" + name + "'; available: " + String.join(", ", endings()));
    }

    @Override
    public String extension() {
        return languages.get(languages.size() - 1).extension();
    }

    @Override
    public Revision readHeader(ScriptSource source, String checksum) {
        return forFile(source.displayName()).readHeader(source, checksum);
    }

    /** Each language reads its own files together (in the order found); the revisions of all languages, in that order. */
    @Override
    public List<Revision> readHeaders(List<ScriptSource> sources) {
        java.util.Map<ScriptLanguage, List<ScriptSource>> byLanguage = new java.util.LinkedHashMap<>();
        for (ScriptSource s : sources) {
            byLanguage.computeIfAbsent(forFile(s.displayName()), l -> new ArrayList<>()).add(s);
        }
        List<Revision> out = new ArrayList<>(sources.size());
        byLanguage.forEach((language, files) -> out.addAll(language.readHeaders(files)));
        return out;
    }

    @Override
    public boolean repeatable(Revision revision) {
        return forFile(revision.file()).repeatable(revision);
    }

    @Override
    public void cacheIn(Path dir, CacheSeal seal) {
        languages.forEach(l -> l.cacheIn(dir, seal));
    }

    @Override
    public MigrationBody compile(ScriptSource source, Revision revision) {
        return forFile(source.displayName()).compile(source, revision);
    }

    /** The schema model is read by the first language that has one (the Groovy DSL's {@code schema.groovy}). */
    @Override
    public List<Operation> loadModel(List<Path> files, Predicate<String> extensionAvailable) {
        UsageException last = null;
        for (ScriptLanguage l : languages) {
            try {
                return l.loadModel(files, extensionAvailable);
            } catch (UsageException e) {
                last = e;
            }
        }
        throw last;
    }
}
