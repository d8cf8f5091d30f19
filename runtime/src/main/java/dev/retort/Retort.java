package dev.retort;

import dev.retort.internal.db.Database;
import dev.retort.internal.dialect.PostgresDialect;
import dev.retort.internal.db.PoolingProbe;
import dev.retort.internal.exec.AdvisoryLock;
import dev.retort.internal.exec.HeadsMoved;
import dev.retort.internal.exec.MigrationGuard;
import dev.retort.internal.exec.MigrationExecutor;
import dev.retort.internal.exec.Preflight;
import dev.retort.internal.exec.RunInterruption;
import dev.retort.internal.exec.StepSettings;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.TargetResolver;
import dev.retort.internal.history.FutureRevisions;
import dev.retort.internal.history.HistoryEntry;
import dev.retort.internal.history.LostConnectionRecord;
import dev.retort.internal.history.ReadOnlyDatabase;
import dev.retort.internal.history.VersionStore;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.ScriptLanguage;
import dev.retort.internal.script.ScriptLocator;
import dev.retort.spi.ScriptSource;
import dev.retort.internal.sink.JdbcSink;
import dev.retort.internal.sink.ScriptSink;
import dev.retort.spi.SqlFailure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The facade: the CLI and applications drive Retort through this class only.
 *
 * <pre>{@code
 * try (Retort retort = Retort.configure().dataSource(ds).locations("classpath:db/migrations").load()) {
 *     retort.upgrade("head");
 * }
 * }</pre>
 *
 * Loading reads every script's header (no compilation) and builds the revision graph; a database is
 * opened only by the methods that need one, and closed (with an embedded server) by {@link #close()}.
 */
public final class Retort implements AutoCloseable {
    private final RetortConfig config;
    private final ScriptLanguage language;
    private final RevisionGraph graph;
    private final Map<String, ScriptSource> sources;
    private final PostgresDialect dialect = new PostgresDialect();
    private final VersionStore store;
    private final Database database;
    private final dev.retort.internal.script.PlanCache planCache;
    private final dev.retort.spi.CacheSeal seal;
    // compiled (or recorded) bodies of this instance's scripts, which are fixed at load
    private final Map<String, MigrationBody> loadedBodies = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile String build;

    private Retort(RetortConfig config, ScriptLanguage language, RevisionGraph graph, Map<String, ScriptSource> sources,
                   dev.retort.spi.CacheSeal seal) {
        this.seal = seal;
        this.planCache = seal != null && config.projectDir() != null
                ? new dev.retort.internal.script.PlanCache(config.projectDir().resolve(".retort/cache/plans"), build(), seal) : null;
        this.config = config;
        this.language = language;
        this.graph = graph;
        this.sources = sources;
        this.store = new VersionStore(dialect, config.schema(), config.versionTable(), config.historyTable());
        this.database = new Database(config);
    }

    /** This build of Retort: the version and, for snapshots, the build time (compiled-script caches are keyed on it). */
    public static String build() {
        if (build == null) {
            build = readBuild();
        }
        return build;
    }

    private static String readBuild() {
        try (var in = Retort.class.getResourceAsStream("/dev/retort/version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev") + "+" + p.getProperty("build", "unknown");
        } catch (java.io.IOException e) {
            return "dev+unknown";
        }
    }

    /** Starts a configuration: {@code Retort.configure().url(...).load()}. */
    public static RetortConfig.Builder configure() {
        return RetortConfig.builder();
    }

    /** Reads every script's header and builds the revision graph. */
    public static Retort load(RetortConfig config) {
        ScriptLanguage language = findLanguage();
        // no key (or an untrusted one): no cache at all, never an unauthenticated one
        dev.retort.spi.CacheSeal seal = config.cache() && config.projectDir() != null
                ? dev.retort.spi.CacheSeal.forUser(config.listener()::notice) : null;
        if (seal != null) {
            language.cacheIn(config.projectDir().resolve(".retort/cache"), seal);
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        ScriptLocator locator = new ScriptLocator(config.projectDir(), cl == null ? Retort.class.getClassLoader() : cl);
        List<ScriptSource> found = locator.find(config.locations(), language.extension());
        locator.ignoredSqlNotice(config.locations()).ifPresent(config.listener()::notice);
        List<Revision> revisions = new ArrayList<>(found.size());
        Map<String, ScriptSource> sources = new HashMap<>();
        for (ScriptSource s : found) {
            Revision r = language.readHeader(s, s.checksum());
            revisions.add(r);
            sources.putIfAbsent(r.id(), s);
        }
        return new Retort(config, language, new RevisionGraph(revisions), sources, seal);
    }

    private static ScriptLanguage findLanguage() {
        for (ScriptLanguage l : ServiceLoader.load(ScriptLanguage.class, Retort.class.getClassLoader())) {
            return l;
        }
        throw new ConfigException("no script language found on the classpath; add the retort-dsl artifact");
    }

    /** The settings this instance runs with. */
    public RetortConfig config() {
        return config;
    }

    /** Every revision, parents before children. */
    public List<Revision> revisions() {
        return graph.topological();
    }

    /** The revisions nothing revises. */
    public List<Revision> heads() {
        return graph.heads();
    }

    /** The revision a target names (id, unique prefix, head, label@head, REV-N, ...). */
    public Revision revision(String target) {
        return graph.get(new TargetResolver(graph).single(target, Set.of()));
    }

    /** The branch labels that cover revision {@code id}: written on it, or spread to it as in Alembic. */
    public Set<String> branchLabelsOf(String id) {
        return graph.labels().of(id);
    }

    /** The revisions that revise {@code id}. */
    public List<String> childrenOf(String id) {
        return graph.childrenOf(id);
    }

    /** Where the database is: host, port, database, user; never the password. */
    public String databaseDescription() {
        return database.describe();
    }

    /**
     * The heads the database is at (empty at base), including revisions not in this checkout (a newer
     * checkout applied them; see {@link #inCheckout}).
     */
    public List<String> current() {
        try (Connection c = database.connect()) {
            return store.read(c);
        } catch (SQLException e) {
            throw new ConnectionException("cannot close the connection to " + database.describe() + ": " + e.getMessage(), e);
        } catch (SqlFailure f) {
            throw new ConnectionException("cannot read the version table on " + database.describe() + ": " + f.serverMessage(), f);
        }
    }

    /** The history table, oldest first. */
    public List<HistoryEntry> appliedHistory() {
        try (Connection c = database.connect()) {
            return store.history(c);
        } catch (SQLException e) {
            throw new ConnectionException("cannot read history on " + database.describe() + ": " + e.getMessage(), e);
        }
    }

    private List<String> checkedVersions(Connection c) {
        List<String> versions = store.read(c);
        for (String v : versions) {
            if (!graph.contains(v)) {
                throw new ScriptException(FutureRevisions.refusal(v));
            }
        }
        return versions;
    }

    /** Brings the database up to {@code target} (default {@code head}). */
    public RunResult upgrade(String target) {
        return run(target, Direction.UPGRADE);
    }

    /** Brings the database down to {@code target}: {@code -1}, a revision, {@code base}. */
    public RunResult downgrade(String target) {
        return run(target, Direction.DOWNGRADE);
    }

    private RunResult run(String target, Direction direction) {
        long t0 = System.nanoTime();
        TargetResolver resolver = new TargetResolver(graph);
        // plan against no database first where possible, so bad targets fail before connecting
        if (direction == Direction.UPGRADE && !TargetResolver.isRelativeToCurrent(target)) {
            resolver.resolve(target, Set.of());
        }
        try (RunInterruption stop = RunInterruption.watch(config.listener(), direction); Connection c = database.connect()) {
            stop.attach(c);
            JdbcSink sink = new JdbcSink(c);
            compileAhead(c, resolver, target, direction);
            MigrationGuard guard = guard(c);
            guard.stopWhen(stop::requested);
            try (AdvisoryLock lock = guard.pooled() ? null : lock(c)) {
              List<MigrationStep> steps = new ArrayList<>();
              while (true) { // another runner moved the version table (possible without a session lock): plan again
                Set<String> applied = graph.ancestorsInclusive(checkedVersions(c));
                if (direction == Direction.UPGRADE && config.validateChecksums()) {
                    List<Revision> edited = edited(store.history(c), applied);
                    if (!edited.isEmpty()) {
                        Revision e = edited.get(0);
                        throw new ScriptException(e.file() + " (revision " + e.id() + ") was edited after it was applied"
                                + (edited.size() > 1 ? " (and " + (edited.size() - 1) + " more: see 'retort status')" : "")
                                + "; undo the edit, or accept the new text with 'retort stamp --update-checksums " + e.id() + "'");
                    }
                }
                Plan plan = direction == Direction.UPGRADE ? resolver.upgrade(target, applied) : resolver.downgrade(target, applied);
                Map<String, MigrationBody> bodies = compile(plan);
                if (direction == Direction.UPGRADE && !plan.isEmpty() && !config.lintOnUpgrade().equals("off")) {
                    lintPending(plan, serverMajor(c), bodies);
                }
                if (!plan.isEmpty()) {
                    // tables created only when missing, so a read-only replica at head stays a no-op
                    if (!store.exists(c) || !store.historyExists(c)) {
                        guard.ensureTables(sink);
                    }
                }
                try {
                    steps.addAll(new MigrationExecutor(dialect, store, graph, stop.listener(config.listener()),
                            config.transactionPerMigration(), StepSettings.of(config)).guardedBy(guard).run(plan, bodies, sink));
                    return new RunResult(steps, store.read(c), Duration.ofNanos(System.nanoTime() - t0));
                } catch (HeadsMoved moved) {
                    steps.addAll(moved.done());
                    config.listener().notice(moved.getMessage() + ": rolled back, planning again");
                }
              }
            }
        } catch (MigrationFailedException e) {
            LostConnectionRecord.write(e, direction, database, store, graph);
            throw e;
        } catch (SQLException e) {
            throw new ConnectionException("lost the connection to " + database.describe() + ": " + e.getMessage(), e);
        } catch (SqlFailure f) {
            ReadOnlyDatabase.check(f, database.describe());
            throw new ConnectionException("the database refused a bookkeeping statement on " + database.describe() + ": "
                    + f.serverMessage() + (f.statement() == null ? "" : " (" + f.statement().lines().findFirst().orElse("") + ")"), f);
        }
    }

    /**
     * The SQL an upgrade would run, without a database. {@code target} is a revision or {@code FROM:TO};
     * without FROM the script starts at base and creates the version tables.
     */
    public String upgradeSql(String target) {
        return offline(target, Direction.UPGRADE);
    }

    /** The SQL a downgrade would run, without a database; {@code range} is {@code FROM:TO}. */
    public String downgradeSql(String range) {
        return offline(range, Direction.DOWNGRADE);
    }

    private String offline(String spec, Direction direction) {
        TargetResolver resolver = new TargetResolver(graph);
        int colon = spec.indexOf(':');
        String from = colon < 0 ? null : spec.substring(0, colon);
        String to = colon < 0 ? spec : spec.substring(colon + 1);
        if (direction == Direction.DOWNGRADE && from == null) {
            throw new UsageException("downgrade --sql needs a range FROM:TO (e.g. head:base or ae1027a6:-1), "
                    + "because there is no database to say where it starts");
        }
        if (to.matches("[+-]\\d+") && from == null) {
            throw new UsageException("a relative target (" + to + ") with --sql needs a start: use FROM:" + to);
        }
        Set<String> applied = from == null || from.equals("base") ? Set.of()
                : graph.ancestorsInclusive(resolver.resolve(from, Set.of()));
        if (to.matches("[+-]\\d+")) {
            to = String.join(",", graph.headsOf(applied)) + (graph.headsOf(applied).isEmpty() ? "base" : "") + to;
        }
        Plan plan = direction == Direction.UPGRADE ? resolver.upgrade(to, applied) : resolver.downgrade(to, applied);
        Map<String, MigrationBody> bodies = compile(plan);
        StringBuilder out = new StringBuilder();
        ScriptSink sink = new ScriptSink(out, dialect);
        sink.comment("Retort " + direction.word() + " " + spec + " (generated; review before running)");
        if (applied.isEmpty() && direction == Direction.UPGRADE) {
            store.ensureTables(sink);
        }
        new MigrationExecutor(dialect, store, graph, RunListener.NONE, true, StepSettings.of(config)).run(plan, bodies, sink);
        return out.toString();
    }

    // lints only the pending revisions (earlier ones are not compiled on upgrade): see docs/lint.md
    private void lintPending(Plan plan, int pgVersion, Map<String, MigrationBody> bodies) {
        List<LintFinding> errors = lint(plan.steps(), null, pgVersion, bodies).stream().filter(LintFinding::error).toList();
        if (errors.isEmpty()) {
            return;
        }
        LintFinding first = errors.get(0);
        String line = errors.size() + " lint error(s) in pending migrations, first " + first.file() + ":" + first.line() + " "
                + first.rule() + " (" + first.detail() + "); see 'retort lint'";
        if (config.lintOnUpgrade().equals("refuse")) {
            throw new CheckFailedException("upgrade refused (lintOnUpgrade=refuse): " + line);
        }
        config.listener().notice(line);
    }

    private static int serverMajor(Connection c) {
        try {
            return c.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            return 17;
        }
    }

    // compile every script the plan will run before any runs, so a broken script stops the run untouched
    private Map<String, MigrationBody> compile(Plan plan) {
        Map<String, MigrationBody> bodies = new LinkedHashMap<>();
        for (Revision r : plan.steps()) {
            MigrationBody body = body(r);
            if (plan.direction() == Direction.DOWNGRADE && !body.hasDowngrade()) {
                throw new ScriptException("revision " + r.id() + " (" + r.file() + ") has no downgrade block, so it cannot be "
                        + "downgraded; add downgrade { } (or use change { }) and run again");
            }
            Preflight.check(r, body, plan.direction(), dialect);
            bodies.put(r.id(), body);
        }
        return bodies;
    }

    /**
     * The body of a script: its recording from the plan cache when there is one; else compiled and
     * recorded (and the recording kept) when its steps do not depend on the server; else compiled.
     */
    private MigrationBody body(Revision r) {
        MigrationBody known = loadedBodies.get(r.id());
        if (known == null) {
            known = load(r);
            loadedBodies.put(r.id(), known);
        }
        return known;
    }

    // what the run will most likely need, compiled before the lock is taken: a big script compiles for
    // seconds, and no other runner should wait behind that (under the lock, body() serves them again)
    private void compileAhead(Connection c, TargetResolver resolver, String target, Direction direction) {
        Plan plan;
        try {
            Set<String> applied = graph.ancestorsInclusive(checkedVersions(c));
            plan = direction == Direction.UPGRADE ? resolver.upgrade(target, applied) : resolver.downgrade(target, applied);
        } catch (RuntimeException e) {
            return; // the run reports it under the lock, as before
        }
        for (Revision r : plan.steps()) {
            body(r);
        }
    }

    private MigrationBody load(Revision r) {
        ScriptSource source = sources.get(r.id());
        String key = planCache == null ? null : planCache.key(source);
        if (key != null) {
            dev.retort.internal.script.RecordedBody cached = planCache.read(key);
            if (cached != null) {
                return cached;
            }
        }
        MigrationBody compiled = dev.retort.internal.script.LargeScripts.compile(language, source, r, config.listener()::notice);
        dev.retort.internal.script.RecordedBody recorded = dev.retort.internal.script.RecordedBody.record(r, compiled);
        if (recorded == null) {
            return compiled;
        }
        if (key != null && compiled.replayable()) {
            planCache.write(key, recorded);
        }
        return recorded;
    }

    /** Revisions of a {@code FROM:TO} range, newest first ({@code current} connects to read the database). */
    public List<Revision> range(String spec) {
        Set<String> current = spec.contains("current") ? new HashSet<>(current()) : Set.of();
        return new TargetResolver(graph).range(spec, current);
    }

    /** The revision graph as text: {@code mermaid}, {@code dot} or {@code ascii}. */
    public String renderGraph(String format) {
        return new dev.retort.internal.graph.GraphRenderer(graph).render(format);
    }

    /** Revisions with more than one child: where the graph branches. */
    public List<Revision> branchPoints() {
        return graph.topological().stream().filter(r -> graph.childrenOf(r.id()).size() > 1).toList();
    }

    /**
     * Sets the version table to {@code targets} without running migrations. Each target replaces the rows
     * on its own line (see {@link TargetResolver#stampRows}); other branches stay, unless {@code purge},
     * which empties the table first. {@code base} alone empties it.
     */
    public RunResult stamp(List<String> targets, boolean purge) {
        long t0 = System.nanoTime();
        TargetResolver resolver = new TargetResolver(graph);
        resolver.stampRows(targets, List.of()); // a bad target fails before connecting
        try (Connection c = database.connect()) {
            JdbcSink sink = new JdbcSink(c);
            try (AdvisoryLock lock = lock(c)) {
                List<String> rows = purge ? store.read(c) : checkedVersions(c);
                List<String> after = resolver.stampRows(targets, purge ? List.of() : rows);
                Set<String> ids = new HashSet<>(after);
                ids.removeAll(rows);
                store.ensureTables(sink);
                sink.begin();
                if (purge) {
                    sink.execute(dialect.deleteAllVersions(config.schema(), config.versionTable()));
                    store.moveHeads(sink, List.of(), after);
                } else {
                    store.moveHeads(sink, rows, after);
                }
                for (String id : graph.sorted(ids, false).stream().map(Revision::id).toList()) {
                    Revision r = graph.get(id);
                    store.record(sink, new HistoryEntry(id, "stamp", r.checksum(), r.message(), null, null, 0L, true,
                            purge ? "purged" : null));
                }
                sink.commit();
                return new RunResult(List.of(), store.read(c), Duration.ofNanos(System.nanoTime() - t0));
            }
        } catch (SQLException e) {
            throw new ConnectionException("lost the connection to " + database.describe() + ": " + e.getMessage(), e);
        } catch (SqlFailure f) {
            ReadOnlyDatabase.check(f, database.describe());
            throw new ConnectionException("the database refused to stamp on " + database.describe() + ": " + f.serverMessage(), f);
        }
    }

    /** The SQL that stamps {@code targets}, without a database: the version table is rewritten whole. */
    public String stampSql(List<String> targets) {
        List<String> heads = new TargetResolver(graph).stampRows(targets, List.of());
        StringBuilder out = new StringBuilder();
        ScriptSink sink = new ScriptSink(out, dialect);
        sink.comment("Retort stamp " + String.join(" ", targets) + " (generated; review before running)");
        store.ensureTables(sink);
        sink.begin();
        sink.execute(dialect.deleteAllVersions(config.schema(), config.versionTable()));
        store.moveHeads(sink, List.of(), heads);
        for (String id : heads) {
            Revision r = graph.get(id);
            store.record(sink, new HistoryEntry(id, "stamp", r.checksum(), r.message(), null, null, null, true, null));
        }
        sink.commit();
        return out.toString();
    }

    // the checksum each applied revision was applied (or accepted) with: the last successful upgrade,
    // stamp or checksum row, forgotten by a later downgrade
    private static Map<String, HistoryEntry> appliedRows(List<HistoryEntry> history) {
        Map<String, HistoryEntry> rows = new HashMap<>();
        for (HistoryEntry e : history) {
            if (!e.success()) {
                continue;
            }
            if (e.direction().equals("downgrade")) {
                rows.remove(e.revision());
            } else {
                rows.put(e.revision(), e);
            }
        }
        return rows;
    }

    private List<Revision> edited(List<HistoryEntry> history, Set<String> applied) {
        Map<String, HistoryEntry> rows = appliedRows(history);
        List<Revision> out = new ArrayList<>();
        for (Revision r : graph.topological()) {
            HistoryEntry h = rows.get(r.id());
            if (applied.contains(r.id()) && h != null && h.checksum() != null && !h.checksum().equals(r.checksum())) {
                out.add(r);
            }
        }
        return out;
    }

    /** Accepts the current text of applied scripts as applied (after an intended edit): no migration runs. */
    public List<String> updateChecksums(List<String> targets) {
        TargetResolver resolver = new TargetResolver(graph);
        try (Connection c = database.connect()) {
            JdbcSink sink = new JdbcSink(c);
            Set<String> applied = graph.ancestorsInclusive(checkedVersions(c));
            List<Revision> edited = edited(store.history(c), applied);
            Set<String> wanted = new HashSet<>();
            for (String t : targets) {
                wanted.addAll(t.equals("all") ? edited.stream().map(Revision::id).toList() : resolver.resolve(t, Set.of()));
            }
            List<String> done = new ArrayList<>();
            sink.begin();
            for (Revision r : edited) {
                if (wanted.contains(r.id())) {
                    store.record(sink, new HistoryEntry(r.id(), "checksum", r.checksum(), r.message(), null, null, 0L, true,
                            "new script text accepted"));
                    done.add(r.id());
                }
            }
            sink.commit();
            return done;
        } catch (SQLException e) {
            throw new ConnectionException("lost the connection to " + database.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * What {@code check} finds: every script compiles and passes preflight, the database is at every head, no
     * applied script was edited. Empty when all is well.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Revision r : graph.topological()) {
            try {
                MigrationBody body = body(r);
                Preflight.check(r, body, Direction.UPGRADE, dialect);
            } catch (ScriptException e) {
                out.add(e.getMessage());
            }
        }
        try (Connection c = database.connect()) {
            Set<String> applied = graph.ancestorsInclusive(checkedVersions(c));
            List<String> pending = graph.topological().stream().map(Revision::id).filter(id -> !applied.contains(id)).toList();
            if (!pending.isEmpty()) {
                out.add(pending.size() + " revision(s) not applied: " + String.join(", ", pending.size() > 5 ? pending.subList(0, 5) : pending)
                        + (pending.size() > 5 ? ", ..." : "") + "; run 'retort upgrade heads'");
            }
            for (Revision r : edited(store.history(c), applied)) {
                out.add(r.file() + " (revision " + r.id() + ") was edited after it was applied");
            }
        } catch (SQLException e) {
            throw new ConnectionException("lost the connection to " + database.describe() + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** True when this checkout has a script for revision {@code id}. */
    public boolean inCheckout(String id) {
        return graph.contains(id);
    }

    /**
     * Every revision, oldest first, with what the history table says of it; then the revisions the
     * database is at that are not in this checkout (message "not in this checkout").
     */
    public List<RevisionStatus> status() {
        try (Connection c = database.connect()) {
            List<String> versions = store.read(c);
            List<HistoryEntry> history = store.history(c);
            Set<String> applied = FutureRevisions.applied(graph, versions, history);
            Map<String, HistoryEntry> lastUp = new HashMap<>();
            Map<String, HistoryEntry> accepted = appliedRows(history);
            Map<String, HistoryEntry> lastFailure = new HashMap<>();
            for (HistoryEntry e : history) {
                if (e.success() && (e.direction().equals("upgrade") || e.direction().equals("stamp"))) {
                    lastUp.put(e.revision(), e);
                    lastFailure.remove(e.revision());
                } else if (!e.success()) {
                    lastFailure.put(e.revision(), e);
                }
            }
            List<RevisionStatus> out = new ArrayList<>();
            for (Revision r : graph.topological()) {
                boolean isApplied = applied.contains(r.id());
                HistoryEntry h = isApplied ? lastUp.get(r.id()) : null;
                HistoryEntry a = accepted.get(r.id());
                RevisionStatus.ChecksumState state = a == null || a.checksum() == null || !isApplied
                        ? RevisionStatus.ChecksumState.UNKNOWN
                        : a.checksum().equals(r.checksum()) ? RevisionStatus.ChecksumState.MATCHES : RevisionStatus.ChecksumState.EDITED;
                HistoryEntry f = lastFailure.get(r.id());
                out.add(new RevisionStatus(r, isApplied, h == null ? null : h.appliedAt(), h == null ? null : h.appliedBy(),
                        h == null ? null : h.durationMs(), state, f == null ? null : f.detail()));
            }
            out.addAll(FutureRevisions.statuses(graph, versions, lastUp));
            return out;
        } catch (SQLException e) {
            throw new ConnectionException("cannot read status on " + database.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks every revision of {@code range} (null: all) on the configured database, which should be a
     * scratch one: from base, each revision in order is upgraded, downgraded (the schema must be as
     * before it: no trace) and upgraded again (the schema must be as after its first upgrade).
     * Stops at the first revision that breaks.
     */
    public VerifyReport verify(String range) {
        List<Revision> order = new ArrayList<>(range == null ? graph.topological() : new TargetResolver(graph).range(range, Set.of()));
        if (range != null) {
            java.util.Collections.reverse(order); // range() is newest first
        }
        List<String> checked = new ArrayList<>();
        try (Connection c = database.connect()) {
            JdbcSink sink = new JdbcSink(c);
            List<String> at = store.read(c);
            if (!at.isEmpty()) {
                throw new UsageException("verify needs an empty scratch database, but " + database.describe()
                        + " is at " + String.join(", ", at) + "; give it a new database (the CLI makes one for you)");
            }
            List<String> excluded = List.of(config.versionTable(), config.historyTable());
            store.ensureTables(sink);
            MigrationExecutor executor = new MigrationExecutor(dialect, store, graph, config.listener(),
                    config.transactionPerMigration(), StepSettings.of(config));
            Set<String> applied = new HashSet<>();
            Set<String> wanted = new HashSet<>(order.stream().map(Revision::id).toList());
            for (Revision r : graph.topological()) {
                boolean check = wanted.contains(r.id());
                MigrationBody body = body(r);
                Map<String, MigrationBody> bodies = Map.of(r.id(), body);
                SchemaSnapshot before = check ? SchemaSnapshot.take(c, excluded) : null;
                executor.run(new Plan(Direction.UPGRADE, List.of(r), applied), bodies, sink);
                applied.add(r.id());
                if (!check) {
                    continue;
                }
                if (!body.hasDowngrade()) {
                    return new VerifyReport(checked, r.id(), r.file() + " has no downgrade block", List.of());
                }
                SchemaSnapshot up = SchemaSnapshot.take(c, excluded);
                executor.run(new Plan(Direction.DOWNGRADE, List.of(r), applied), bodies, sink);
                applied.remove(r.id());
                SchemaSnapshot down = SchemaSnapshot.take(c, excluded);
                if (!down.equals(before)) {
                    return new VerifyReport(checked, r.id(), "the downgrade of " + r.id() + " (" + r.file()
                            + ") does not restore the schema it started from", before.diff(down));
                }
                executor.run(new Plan(Direction.UPGRADE, List.of(r), applied), bodies, sink);
                applied.add(r.id());
                SchemaSnapshot again = SchemaSnapshot.take(c, excluded);
                if (!again.equals(up)) {
                    return new VerifyReport(checked, r.id(), "upgrading " + r.id() + " (" + r.file()
                            + ") again after its downgrade gives another schema", up.diff(again));
                }
                checked.add(r.id());
            }
            return new VerifyReport(checked, null, null, List.of());
        } catch (SQLException e) {
            throw new ConnectionException("lost the connection to " + database.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@link #verify} on a scratch database that is made for it and removed after: a throwaway embedded
     * server when the configured database is the embedded one, else a new database on the configured
     * server (which needs CREATE DATABASE). The configured database itself is never touched.
     */
    public VerifyReport verifyOnScratchDatabase(String range) {
        dev.retort.internal.config.DatabaseUrl url = config.url();
        if (url == null && config.dataSource() != null) {
            throw new UsageException("verify needs a URL to make a scratch database on; an application's data source is not enough");
        }
        try (dev.retort.internal.db.ScratchServer server = dev.retort.internal.db.ScratchServer.open(url, dialect,
                "point --url at a server where it may")) {
            dev.retort.internal.config.DatabaseUrl scratchUrl = server.createDatabase("verify");
            try (Retort scratch = new Retort(config.copyWithUrl(scratchUrl.jdbcUrl(), scratchUrl.user(), scratchUrl.password()).build(),
                    language, graph, sources, seal)) {
                return scratch.verify(range);
            }
        }
    }

    /**
     * Lints the upgrade of every revision in {@code range} (null: all), walking the whole graph in order
     * so each rule knows what earlier revisions built. {@code pgVersion} is the server major version the
     * rules assume (e.g. a constant default on ADD COLUMN is safe from 11 on).
     */
    public List<LintFinding> lint(String range, int pgVersion) {
        Set<String> wanted = range == null ? null
                : new HashSet<>(new TargetResolver(graph).range(range, Set.of()).stream().map(Revision::id).toList());
        return lint(graph.topological(), wanted, pgVersion, Map.of());
    }

    private List<LintFinding> lint(List<Revision> revisions, Set<String> wanted, int pgVersion, Map<String, MigrationBody> compiled) {
        Map<dev.retort.internal.lint.Rule, dev.retort.internal.lint.Linter.Level> levels = new java.util.EnumMap<>(dev.retort.internal.lint.Rule.class);
        config.lintLevels().forEach((id, level) -> levels.put(dev.retort.internal.lint.Rule.byId(id),
                dev.retort.internal.lint.Linter.Level.valueOf(level.toUpperCase(java.util.Locale.ROOT))));
        dev.retort.internal.lint.Linter linter = new dev.retort.internal.lint.Linter(pgVersion, levels);
        List<LintFinding> out = new ArrayList<>();
        for (Revision r : revisions) {
            ScriptSource source = sources.get(r.id());
            MigrationBody body = compiled.containsKey(r.id()) ? compiled.get(r.id()) : body(r);
            for (dev.retort.internal.lint.Finding f : linter.lint(r, body, source.text(), wanted == null || wanted.contains(r.id()))) {
                out.add(new LintFinding(f.revision(), f.file(), f.line(), f.rule().id(), f.error(), f.rule().message(),
                        f.rule().fix(), f.rule().docs(), f.detail()));
            }
        }
        return out;
    }

    /** A snapshot of the database's schema, without Retort's own tables. */
    public SchemaSnapshot snapshot() {
        try (Connection c = database.connect()) {
            return SchemaSnapshot.take(c, List.of(config.versionTable(), config.historyTable()));
        } catch (SQLException e) {
            throw new ConnectionException("cannot read the schema of " + database.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Compares the schema the migrations build with the schema model in {@code modelFiles} (schema.groovy):
     * both are built on scratch databases ({@code scratchUrl}'s server, or a throwaway embedded one when
     * null) and read back from pg_catalog, so PostgreSQL itself normalizes types and defaults. With
     * {@code generate}, the result also holds the upgrade and downgrade that make the migrations build the
     * model: guessed renames are applied first and the rest diffed again, and the upgrade is tried on the
     * scratch database; what it leaves different is listed as unresolved.
     */
    public ModelComparison compareWithModel(List<java.nio.file.Path> modelFiles, String scratchUrl, boolean generate) {
        if (modelFiles.isEmpty()) {
            throw new UsageException("no schema model: write schema.groovy in " + config.projectDir()
                    + " (see docs/autogenerate.md), or give its path with --model");
        }
        for (java.nio.file.Path f : modelFiles) {
            if (!java.nio.file.Files.isRegularFile(f)) {
                throw new UsageException("the schema model " + f + " does not exist; write it (see docs/autogenerate.md) or fix --model");
            }
        }
        String modelName = modelFiles.size() == 1 ? String.valueOf(modelFiles.get(0).getFileName()) : "the schema model";
        List<String> excluded = List.of(config.versionTable(), config.historyTable());
        String schema = config.schema();
        try (dev.retort.internal.db.ScratchServer server = dev.retort.internal.db.ScratchServer.open(scratchUrl, dialect)) {
            dev.retort.internal.config.DatabaseUrl migrationsUrl = server.createDatabase("scratch_migrations");
            dev.retort.internal.config.DatabaseUrl modelUrl = server.createDatabase("scratch_model");
            try (Connection built = dev.retort.internal.db.ScratchServer.connect(modelUrl)) {
                List<dev.retort.spi.Operation> model = language.loadModel(modelFiles, name -> available(built, name));
                dev.retort.internal.autogen.ModelSchema.build(model, built, dialect, modelName);
            }
            upgradeScratch(migrationsUrl, null);
            try (Connection a = dev.retort.internal.db.ScratchServer.connect(migrationsUrl);
                 Connection b = dev.retort.internal.db.ScratchServer.connect(modelUrl)) {
                dev.retort.internal.autogen.Catalog wanted = dev.retort.internal.autogen.CatalogReader.read(b, schema, excluded);
                dev.retort.internal.autogen.Catalog built = dev.retort.internal.autogen.CatalogReader.read(a, schema, excluded);
                List<dev.retort.internal.autogen.Change> changes =
                        dev.retort.internal.autogen.SchemaDiff.between(built, wanted, "the migrations", "the model");
                // the second half of a drop-and-re-create pair says nothing new
                List<String> differences = changes.stream().map(dev.retort.internal.autogen.Change::description)
                        .filter(d -> !d.endsWith(" re-created")).toList();
                if (!generate || changes.isEmpty()) {
                    return new ModelComparison(differences, "", "", List.of(), List.of());
                }
                SchemaSnapshot start = SchemaSnapshot.take(a, excluded);
                // renames first, on the scratch database, so the rest is diffed against the renamed schema
                List<dev.retort.internal.autogen.Change> plan = new ArrayList<>(changes.stream()
                        .filter(dev.retort.internal.autogen.Change::guessedRename).toList());
                if (plan.isEmpty()) {
                    plan = changes;
                    apply(a, plan);
                } else {
                    apply(a, plan);
                    built = dev.retort.internal.autogen.CatalogReader.read(a, schema, excluded);
                    List<dev.retort.internal.autogen.Change> rest =
                            dev.retort.internal.autogen.SchemaDiff.between(built, wanted, "the migrations", "the model");
                    apply(a, rest);
                    plan.addAll(rest);
                }
                List<String> unresolved = new ArrayList<>(dev.retort.internal.autogen.SchemaDiff.between(
                        dev.retort.internal.autogen.CatalogReader.read(a, schema, excluded), wanted, "the migrations", "the model")
                        .stream().map(dev.retort.internal.autogen.Change::description).toList());
                // and the downgrade, last change first: it must give back the schema the migrations built
                List<dev.retort.internal.autogen.Change> reverse = new ArrayList<>();
                for (int i = plan.size() - 1; i >= 0; i--) {
                    dev.retort.internal.autogen.Change c = plan.get(i);
                    reverse.add(new dev.retort.internal.autogen.Change(c.stage(), "the downgrade of " + c.description(), c.down(), c.up(),
                            c.review(), c.guessedRename()));
                }
                apply(a, reverse);
                for (String line : start.diff(SchemaSnapshot.take(a, excluded))) {
                    unresolved.add("the generated downgrade does not restore " + line);
                }
                List<String> reviews = plan.stream().map(dev.retort.internal.autogen.Change::review).filter(java.util.Objects::nonNull).toList();
                return new ModelComparison(differences, dev.retort.internal.autogen.DslWriter.upgrade(plan),
                        dev.retort.internal.autogen.DslWriter.downgrade(plan), reviews, unresolved);
            }
        } catch (SQLException e) {
            throw new ConnectionException("lost the connection to a scratch database: " + e.getMessage(), e);
        }
    }

    // runs each change's upgrade on a scratch database; a failure is the generated script's, named with the change
    private void apply(Connection c, List<dev.retort.internal.autogen.Change> changes) {
        try (var st = c.createStatement()) {
            for (dev.retort.internal.autogen.Change change : changes) {
                for (dev.retort.spi.Operation op : change.up()) {
                    for (dev.retort.internal.dialect.Statement s : dialect.render(op)) {
                        try {
                            st.execute(s.sql());
                        } catch (SQLException e) {
                            throw new ScriptException("the generated upgrade fails on a scratch database at '"
                                    + change.description() + "': " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new ConnectionException("lost the connection to a scratch database: " + e.getMessage(), e);
        }
    }

    // the question a migration's extensionAvailable() asks, on the model's scratch database
    private boolean available(Connection c, String extension) {
        try (var st = c.createStatement(); var rs = st.executeQuery(dialect.extensionState(extension))) {
            return rs.next();
        } catch (SQLException e) {
            throw new ConnectionException("cannot ask the scratch database for extension " + extension + ": " + e.getMessage(), e);
        }
    }

    // the migrations on a scratch database, up to targets (null: every head), quietly: its notices are about a throwaway
    private void upgradeScratch(dev.retort.internal.config.DatabaseUrl url, List<String> targets) {
        RetortConfig scratchConfig = config.copyWithUrl(url.jdbcUrl(), url.user(), url.password()).listener(new RunListener() {
        }).build();
        try (Retort scratch = new Retort(scratchConfig, language, graph, sources, seal)) {
            if (targets == null) {
                if (!graph.topological().isEmpty()) {
                    scratch.upgrade("heads");
                }
            } else {
                for (String t : targets) {
                    scratch.upgrade(t);
                }
            }
        }
    }

    /**
     * Compares this (live) database with what the migrations build at the revision(s) it is at, on a
     * scratch database ({@code scratchUrl}'s server, or a throwaway embedded one): what was changed by hand.
     */
    public Drift drift(String scratchUrl) {
        List<String> at = current();
        SchemaSnapshot live = snapshot();
        try (dev.retort.internal.db.ScratchServer server = dev.retort.internal.db.ScratchServer.open(scratchUrl, dialect)) {
            dev.retort.internal.config.DatabaseUrl url = server.createDatabase("scratch_drift");
            upgradeScratch(url, at);
            try (Connection c = dev.retort.internal.db.ScratchServer.connect(url)) {
                SchemaSnapshot built = SchemaSnapshot.take(c, List.of(config.versionTable(), config.historyTable()));
                return new Drift(at, built.diff(live));
            }
        } catch (SQLException e) {
            throw new ConnectionException("lost the connection to a scratch database: " + e.getMessage(), e);
        }
    }

    // exactly-once checks for an online run; behind a transaction pooler (or with lock=false) no session lock is taken
    private MigrationGuard guard(Connection c) {
        boolean pooled = !config.lock() || PoolingProbe.transactionPooling(c, config.url() == null ? null : database::connect);
        if (pooled && config.lock()) {
            config.listener().notice(MigrationGuard.POOLING_NOTICE);
        }
        MigrationGuard guard = new MigrationGuard(dialect, store, config.schema(), config.versionTable(),
                AdvisoryLock.keyFor(config.schema(), config.versionTable()), config.lockTimeout(), config.listener(), pooled,
                database::connect);
        if (!pooled) {
            guard.sessionLockOn(PoolingProbe.pid(c));
        }
        return guard;
    }

    // the migration lock for the whole run on this connection, or none with lock=false (PgBouncer)
    private AdvisoryLock lock(Connection c) {
        return config.lock() ? AdvisoryLock.acquire(c, dialect, AdvisoryLock.keyFor(config.schema(), config.versionTable()),
                config.lockTimeout(), config.listener()) : null;
    }

    /** The applied set for a list of version rows: the rows and all their ancestors. */
    public Set<String> appliedSet(List<String> versions) {
        return new HashSet<>(graph.ancestorsInclusive(versions));
    }

    /** Stops an embedded server and closes the pool, if this instance opened them. */
    @Override
    public void close() {
        database.close();
    }
}
