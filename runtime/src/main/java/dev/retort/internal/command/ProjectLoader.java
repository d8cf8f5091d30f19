package dev.retort.internal.command;

import dev.retort.Revision;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.script.ScriptLanguages;
import dev.retort.internal.script.ScriptLocator;
import dev.retort.spi.CacheSeal;
import dev.retort.spi.ScriptSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the scripts of a configuration, reads every header (no compilation) and builds the revision graph. */
public final class ProjectLoader {
    private ProjectLoader() {
    }

    public static CommandContext load(Settings config) {
        ScriptLanguages language = ScriptLanguages.load(ProjectLoader.class.getClassLoader());
        // no key (or an untrusted one): no cache at all, never an unauthenticated one
        CacheSeal seal = config.cache() && config.projectDir() != null ? CacheSeal.forUser(config.listener()::notice) : null;
        if (seal != null) {
            language.cacheIn(config.projectDir().resolve(".retort/cache"), seal);
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        ScriptLocator locator = new ScriptLocator(config.projectDir(), cl == null ? ProjectLoader.class.getClassLoader() : cl);
        List<ScriptSource> all = locator.find(config.locations(), language.endings());
        // a .sql file a script runs (sqlFile 'x.sql') is that script's text, not a migration of its own
        List<ScriptSource> found = all.stream().filter(s -> !usedBySqlFile(s.file(), all)).toList();
        if (!language.reads(".sql")) {
            locator.ignoredSqlNotice(config.locations(), f -> usedBySqlFile(f, all)).ifPresent(config.listener()::notice);
        }
        Map<String, ScriptSource> byFile = new HashMap<>();
        found.forEach(s -> byFile.putIfAbsent(s.displayName(), s));
        List<Revision> revisions = language.readHeaders(found);
        Map<String, ScriptSource> sources = new HashMap<>();
        for (Revision r : revisions) {
            sources.putIfAbsent(r.id(), byFile.get(r.file()));
        }
        // repeatables stand outside the graph: they run after the heads, by checksum (Repeatables)
        List<Revision> repeatables = revisions.stream().filter(language::repeatable).toList();
        List<Revision> linked = revisions.stream().filter(r -> !language.repeatable(r)).toList();
        return new CommandContext(config, language, new RevisionGraph(linked), repeatables, sources, seal);
    }

    private static boolean usedBySqlFile(Path file, List<ScriptSource> scripts) {
        if (file == null || file.getFileName() == null || !file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
            return false;
        }
        String name = file.getFileName().toString();
        return scripts.stream().anyMatch(s -> s.file() != null && !s.file().equals(file) && s.text().contains("sqlFile")
                && s.text().contains(name));
    }
}
