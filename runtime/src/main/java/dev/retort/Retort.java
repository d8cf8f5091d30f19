package dev.retort;

import dev.retort.internal.command.Autogenerate;
import dev.retort.internal.command.Baseline;
import dev.retort.internal.command.BuildVersion;
import dev.retort.internal.command.Check;
import dev.retort.internal.command.CommandContext;
import dev.retort.internal.command.DriftCheck;
import dev.retort.internal.command.Lint;
import dev.retort.internal.command.Migrate;
import dev.retort.internal.command.ModelExport;
import dev.retort.internal.command.ProjectLoader;
import dev.retort.internal.command.Show;
import dev.retort.internal.command.Stamp;
import dev.retort.internal.command.Status;
import dev.retort.internal.command.UpdateChecksums;
import dev.retort.internal.command.Verify;

import java.nio.file.Path;
import java.util.List;
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
 * Each method hands its work to one command under {@code dev.retort.internal.command}.
 */
public final class Retort implements AutoCloseable {
    private final RetortConfig config;
    private final CommandContext context;

    private Retort(RetortConfig config, CommandContext context) {
        this.config = config;
        this.context = context;
    }

    /** This build of Retort: the version and, for snapshots, the build time (compiled-script caches are keyed on it). */
    public static String build() {
        return BuildVersion.get();
    }

    /** Starts a configuration: {@code Retort.configure().url(...).load()}. */
    public static RetortConfig.Builder configure() {
        return RetortConfig.builder();
    }

    /** Reads every script's header and builds the revision graph. */
    public static Retort load(RetortConfig config) {
        return new Retort(config, ProjectLoader.load(InternalSettings.of(config)));
    }

    /** The settings this instance runs with. */
    public RetortConfig config() {
        return config;
    }

    /** Every revision, parents before children. */
    public List<Revision> revisions() {
        return context.graph().topological();
    }

    /** The revisions nothing revises. */
    public List<Revision> heads() {
        return context.graph().heads();
    }

    /** The revision a target names (id, unique prefix, head, label@head, REV-N, ...). */
    public Revision revision(String target) {
        return new Show(context).revision(target);
    }

    /** The branch labels that cover revision {@code id}: written on it, or spread to it as in Alembic. */
    public Set<String> branchLabelsOf(String id) {
        return context.graph().labels().of(id);
    }

    /** The revisions that revise {@code id}. */
    public List<String> childrenOf(String id) {
        return context.graph().childrenOf(id);
    }

    /** Where the database is: host, port, database, user; never the password. */
    public String databaseDescription() {
        return context.database().describe();
    }

    /**
     * The heads the database is at (empty at base), including revisions not in this checkout (a newer
     * checkout applied them; see {@link #inCheckout}).
     */
    public List<String> current() {
        return new Status(context).current();
    }

    /** The history table, oldest first. */
    public List<HistoryRow> appliedHistory() {
        return new Status(context).history();
    }

    /** Brings the database up to {@code target} (default {@code head}). */
    public RunResult upgrade(String target) {
        return new Migrate(context).online(target, Direction.UPGRADE);
    }

    /** Brings the database down to {@code target}: {@code -1}, a revision, {@code base}. */
    public RunResult downgrade(String target) {
        return new Migrate(context).online(target, Direction.DOWNGRADE);
    }

    /**
     * The SQL an upgrade would run, without a database. {@code target} is a revision or {@code FROM:TO};
     * without FROM the script starts at base and creates the version tables.
     */
    public String upgradeSql(String target) {
        return new Migrate(context).sql(target, Direction.UPGRADE);
    }

    /** The SQL a downgrade would run, without a database; {@code range} is {@code FROM:TO}. */
    public String downgradeSql(String range) {
        return new Migrate(context).sql(range, Direction.DOWNGRADE);
    }

    /** Revisions of a {@code FROM:TO} range, newest first ({@code current} connects to read the database). */
    public List<Revision> range(String spec) {
        return new Show(context).range(spec);
    }

    /** The revision graph as text: {@code mermaid}, {@code dot} or {@code ascii}. */
    public String renderGraph(String format) {
        return new Show(context).render(format);
    }

    /** Revisions with more than one child: where the graph branches. */
    public List<Revision> branchPoints() {
        return new Show(context).branchPoints();
    }

    /**
     * Sets the version table to {@code targets} without running migrations. Each target replaces the rows
     * on its own line; other branches stay, unless {@code purge}, which empties the table first.
     * {@code base} alone empties it.
     */
    public RunResult stamp(List<String> targets, boolean purge) {
        return new Stamp(context).online(targets, purge);
    }

    /** The SQL that stamps {@code targets}, without a database: the version table is rewritten whole. */
    public String stampSql(List<String> targets) {
        return new Stamp(context).sql(targets);
    }

    /** The rows of Flyway's history table {@code table} (normally {@code flyway_schema_history}) in the schema; reads only. */
    public List<ForeignHistoryRow> flywayHistory(String table) {
        return new dev.retort.internal.command.ForeignHistory(context).flyway(table);
    }

    /** The revisions in Alembic's version table {@code table} (normally {@code alembic_version}); reads only. */
    public List<String> alembicHeads(String table) {
        return new dev.retort.internal.command.ForeignHistory(context).alembic(table);
    }

    /** Accepts the current text of applied scripts as applied (after an intended edit): no migration runs. */
    public List<String> updateChecksums(List<String> targets) {
        return new UpdateChecksums(context).run(targets);
    }

    /**
     * What {@code check} finds: every script compiles and passes preflight, the database is at every head, no
     * applied script was edited. Empty when all is well.
     */
    public List<String> problems() {
        return new Check(context).problems();
    }

    /** True when this checkout has a script for revision {@code id}. */
    public boolean inCheckout(String id) {
        return context.graph().contains(id);
    }

    /**
     * Every revision, oldest first, with what the history table says of it; then the revisions the
     * database is at that are not in this checkout (message "not in this checkout").
     */
    public List<RevisionStatus> status() {
        return new Status(context).revisions();
    }

    /**
     * Checks every revision of {@code range} (null: all) on the configured database, which should be a
     * scratch one: from base, each revision in order is upgraded, downgraded (the schema must be as
     * before it: no trace) and upgraded again (the schema must be as after its first upgrade).
     * Stops at the first revision that breaks.
     */
    public VerifyReport verify(String range) {
        return new Verify(context).run(range);
    }

    /**
     * {@link #verify} on a scratch database that is made for it and removed after: a throwaway embedded
     * server when the configured database is the embedded one, else a new database on the configured
     * server (which needs CREATE DATABASE). The configured database itself is never touched.
     */
    public VerifyReport verifyOnScratchDatabase(String range) {
        return new Verify(context).onScratch(range);
    }

    /**
     * Lints the upgrade of every revision in {@code range} (null: all), walking the whole graph in order
     * so each rule knows what earlier revisions built. {@code pgVersion} is the server major version the
     * rules assume (e.g. a constant default on ADD COLUMN is safe from 11 on).
     */
    public List<LintFinding> lint(String range, int pgVersion) {
        return new Lint(context).range(range, pgVersion);
    }

    /** A snapshot of the database's schema, without Retort's own tables. */
    public SchemaSnapshot snapshot() {
        return new DriftCheck(context).live();
    }

    /**
     * Compares the schema the migrations build with the schema model in {@code modelFiles} (schema.groovy):
     * both are built on scratch databases ({@code scratchUrl}'s server, or a throwaway embedded one when
     * null) and read back from pg_catalog, so PostgreSQL itself normalizes types and defaults. With
     * {@code generate}, the result also holds the upgrade and downgrade that make the migrations build the
     * model: guessed renames are applied first and the rest diffed again, and the upgrade is tried on the
     * scratch database; what it leaves different is listed as unresolved.
     */
    public ModelComparison compareWithModel(List<Path> modelFiles, String scratchUrl, boolean generate) {
        return new Autogenerate(context).compare(modelFiles, scratchUrl, generate);
    }

    /**
     * As {@link #compareWithModel(List, String, boolean)} for a partial model: only the tables in {@code tables}
     * are compared (empty: all), and the model may reference tables it does not declare.
     */
    public ModelComparison compareWithModel(List<Path> modelFiles, String scratchUrl, boolean generate, List<String> tables) {
        return new Autogenerate(context).compare(modelFiles, scratchUrl, generate, tables);
    }

    /**
     * Compares what the migrations build with a model source, {@code model} as in {@code model=jpa:com.example.domain}
     * (retort-jpa must be on the classpath), its classes in {@code classpath} (folders or jars): the source builds the
     * schema into a scratch database with its own tooling. Differences name the entity class and field.
     */
    public ModelComparison compareWithModelSource(String model, List<Path> classpath, String scratchUrl, boolean generate) {
        return new Autogenerate(context).compareSource(model, classpath, scratchUrl, generate);
    }

    /**
     * As {@link #compareWithModelSource(String, List, String, boolean)}, leaving out the model's tables named in
     * {@code excludedTables}: objects the model source adds that the team does not manage.
     */
    public ModelComparison compareWithModelSource(String model, List<Path> classpath, String scratchUrl, boolean generate,
                                                  List<String> excludedTables) {
        return new Autogenerate(context).compareSource(model, classpath, scratchUrl, generate, excludedTables);
    }

    /**
     * The upgrade body of a baseline: DSL operations and raw SQL that build this database's schema from empty,
     * applied first to a scratch database ({@code scratchUrl}'s server or a throwaway embedded one), whose snapshot
     * must equal this database's (else a {@link ScriptException} naming the difference). The database is only read.
     */
    public String baseline(String scratchUrl) {
        return baseline(scratchUrl, DslLanguage.GROOVY);
    }

    /** As {@link #baseline(String)}, written in {@code language}'s DSL. */
    public String baseline(String scratchUrl, DslLanguage language) {
        return new Baseline(context).write(scratchUrl, language);
    }

    /** A complete schema model (schema.groovy text) of this database's configured schema; the database is only read. */
    public String modelFromDatabase() {
        return new ModelExport(context).fromDatabase();
    }

    /** A complete schema model (schema.groovy text) of what the migrations build, on a scratch database. */
    public String modelFromMigrations(String scratchUrl) {
        return new ModelExport(context).fromMigrations(scratchUrl);
    }

    /**
     * Compares this (live) database with what the migrations build at the revision(s) it is at, on a
     * scratch database ({@code scratchUrl}'s server, or a throwaway embedded one): what was changed by hand.
     */
    public Drift drift(String scratchUrl) {
        return new DriftCheck(context).run(scratchUrl);
    }

    /** The applied set for a list of version rows: the rows and all their ancestors. */
    public Set<String> appliedSet(List<String> versions) {
        return new Show(context).appliedSet(versions);
    }

    /** Stops an embedded server and closes the pool, if this instance opened them. */
    @Override
    public void close() {
        context.close();
    }
}
