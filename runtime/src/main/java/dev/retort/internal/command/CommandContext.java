package dev.retort.internal.command;

import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.internal.db.Database;
import dev.retort.internal.dialect.PostgresDialect;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.TargetResolver;
import dev.retort.internal.history.FutureRevisions;
import dev.retort.internal.history.VersionStore;
import dev.retort.spi.CacheSeal;
import dev.retort.spi.ScriptLanguage;
import dev.retort.spi.ScriptSource;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * What every command works on, fixed when the scripts are loaded: the settings, the script language, the
 * revision graph and its sources, the dialect, the version store, the database (opened on first use) and
 * the compiled bodies.
 */
public final class CommandContext implements AutoCloseable {
    private final Settings config;
    private final ScriptLanguage language;
    private final RevisionGraph graph;
    private final List<Revision> repeatables;
    private final Map<String, ScriptSource> sources;
    private final CacheSeal seal;
    private final PostgresDialect dialect = new PostgresDialect();
    private final VersionStore store;
    private final Database database;
    private final ScriptBodies bodies;

    public CommandContext(Settings config, ScriptLanguage language, RevisionGraph graph, List<Revision> repeatables,
                          Map<String, ScriptSource> sources, CacheSeal seal) {
        this.config = config;
        this.language = language;
        this.graph = graph;
        this.repeatables = List.copyOf(repeatables);
        this.sources = sources;
        this.seal = seal;
        this.store = new VersionStore(config.schema(), config.versionTable(), config.historyTable());
        this.database = new Database(config.connection());
        this.bodies = new ScriptBodies(config, language, sources, dialect, seal);
    }

    /** The same scripts on another database (a scratch one), with {@code other} for it. */
    public CommandContext on(Settings other) {
        return new CommandContext(other, language, graph, repeatables, sources, seal);
    }

    /** The settings this context runs with. */
    public Settings config() {
        return config;
    }

    public ScriptLanguage language() {
        return language;
    }

    public RevisionGraph graph() {
        return graph;
    }

    /** The repeatable migrations, outside the graph, in the order they run. */
    public List<Revision> repeatables() {
        return repeatables;
    }

    public Map<String, ScriptSource> sources() {
        return sources;
    }

    public PostgresDialect dialect() {
        return dialect;
    }

    public VersionStore store() {
        return store;
    }

    public Database database() {
        return database;
    }

    public ScriptBodies bodies() {
        return bodies;
    }

    public TargetResolver targets() {
        return new TargetResolver(graph);
    }

    /** Retort's own tables, left out of every schema comparison. */
    public List<String> ownTables() {
        return List.of(config.versionTable(), config.historyTable());
    }

    /** The result of {@code work} on a new connection, closed after; an SQLException says {@code doing DATABASE}. */
    public <T> T onDatabase(String doing, ConnectionWork<T> work) {
        return SqlCall.wrap(doing + " " + database.describe(), () -> {
            try (Connection c = database.connect()) {
                return work.run(c);
            }
        });
    }

    /** JDBC work on a connection. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection c) throws java.sql.SQLException;
    }

    /** The version rows, refused when one names a revision this checkout does not have (a newer checkout applied it). */
    public List<String> checkedVersions(Connection c) {
        List<String> versions = store.read(c);
        for (String v : versions) {
            if (!graph.contains(v)) {
                throw new ScriptException(FutureRevisions.refusal(v));
            }
        }
        return versions;
    }

    @Override
    public void close() {
        database.close();
    }
}
