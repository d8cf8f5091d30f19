package dev.retort;

import dev.retort.internal.command.BuildVersion;
import dev.retort.internal.command.Check;
import dev.retort.internal.command.CommandContext;
import dev.retort.internal.command.DriftCheck;
import dev.retort.internal.command.Lint;
import dev.retort.internal.command.Migrate;
import dev.retort.internal.command.ProjectLoader;
import dev.retort.internal.command.Show;
import dev.retort.internal.command.Stamp;
import dev.retort.internal.command.Status;
import dev.retort.internal.command.UpdateChecksums;
import dev.retort.internal.command.Verify;

import java.util.List;

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

    /**
     * The repeatable migrations (Flyway's {@code R__} files), which are not in {@link #revisions()}: after an upgrade
     * has every revision applied, each one runs whose text differs from the text it last ran with.
     */
    public List<Revision> repeatables() {
        return context.repeatables();
    }

    /** The revisions nothing revises. */
    public List<Revision> heads() {
        return context.graph().heads();
    }

    /** The graph's shape: children, branch labels, branch points, ranges, pictures, applied sets. */
    public RevisionGraphView graph() {
        return new RevisionGraphView(context);
    }

    /** The revision a target names (id, unique prefix, head, label@head, REV-N, ...). */
    public Revision revision(String target) {
        return new Show(context).revision(target);
    }

    /** Where the database is: host, port, database, user; never the password. */
    public String databaseDescription() {
        return context.database().describe();
    }

    /**
     * The heads the database is at (empty at base), including revisions not in this checkout (a newer
     * checkout applied them; see {@link RevisionGraphView#inCheckout}).
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

    /**
     * Sets the version table to {@code targets} without running migrations. Each target replaces the rows
     * on its own line; other branches stay, unless {@code purge}, which empties the table first.
     * {@code base} alone empties it.
     */
    public RunResult stamp(List<String> targets, boolean purge) {
        return new Stamp(context).online(targets, purge);
    }

    /**
     * Records the repeatable migrations {@code ids} (see {@link #repeatables()}) as run with their current text, without
     * running them: for a database another tool (Flyway) ran that text on. The version table stays as it is.
     */
    public List<String> stampRepeatables(List<String> ids) {
        return new Stamp(context).repeatables(ids);
    }

    /** The SQL that stamps {@code targets}, without a database: the version table is rewritten whole. */
    public String stampSql(List<String> targets) {
        return new Stamp(context).sql(targets);
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

    /**
     * Every revision, oldest first, with what the history table says of it; then the repeatable migrations (applied
     * while the text they last ran with is their text now); then the revisions the database is at that are not in
     * this checkout (message "not in this checkout").
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
     * {@link #verifyOnScratchDatabase} that also measures, statement by statement, the locks each checked revision's
     * first upgrade takes, whether it rewrote a table, and how long the lock was held ({@link VerifyReport#locks()}),
     * with {@code seedRows} generated rows in every table that exists before each revision (0: none).
     */
    public VerifyReport verifyLocksOnScratchDatabase(String range, long seedRows) {
        return Verify.measuringLocks(context, seedRows).onScratch(range);
    }

    /**
     * Lints the upgrade of every revision in {@code range} (null: all), walking the whole graph in order
     * so each rule knows what earlier revisions built. {@code pgVersion} is the server major version the
     * rules assume (e.g. a constant default on ADD COLUMN is safe from 11 on).
     */
    public List<LintFinding> lint(String range, int pgVersion) {
        return new Lint(context).range(range, pgVersion);
    }

    /**
     * {@link #lint} on the configured database: each lock or scan hazard on an existing table is weighed by that
     * table's size (below {@code lint.smallTable} it is info), and each finding's {@link LintFinding#size()} says
     * what the catalog gave. The rules assume {@code pgVersion}, or the server's version when null.
     */
    public List<LintFinding> lintOnDatabase(String range, Integer pgVersion) {
        return new Lint(context).rangeOnDatabase(range, pgVersion);
    }

    /** A snapshot of the database's schema, without Retort's own tables. */
    public SchemaSnapshot snapshot() {
        return new DriftCheck(context).live();
    }

    /** Schema models: comparisons with schema.groovy or entities, model and baseline writing, drift. */
    public SchemaModels models() {
        return new SchemaModels(context);
    }

    /** Flyway's and Alembic's histories in this database, read for a takeover. */
    public ForeignHistories foreignHistories() {
        return new ForeignHistories(context);
    }

    /** Stops an embedded server and closes the pool, if this instance opened them. */
    @Override
    public void close() {
        context.close();
    }
}
