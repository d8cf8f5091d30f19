package dev.retort.internal.dialect;

import dev.retort.spi.Backfill;
import dev.retort.spi.Operation;

import java.util.List;

/**
 * The entry point the executor and the commands hold: it renders operations ({@link OperationSql}) and hands on
 * to the classes that write the rest of Retort's SQL, each for one audience: {@link BookkeepingSql} (version and
 * history tables), {@link SessionSql} (lock, timeouts, transactions), {@link BackfillSql}, {@link ScratchSql},
 * {@link ConcurrencyQueries} and {@link CatalogQueries}. New code may call those directly.
 */
public final class PostgresDialect {
    private final OperationSql operations = new OperationSql();

    /** The statements for one operation. */
    public List<Statement> render(Operation op) {
        return operations.render(op);
    }

    /** Raw SQL split into statements, each marked for whether it may run in a transaction. */
    public List<Statement> sql(String text) {
        return OperationSql.sql(text);
    }

    /** See {@link BackfillSql#primaryKeyColumns}. */
    public String primaryKeyColumns(String schema, String table) {
        return BackfillSql.primaryKeyColumns(schema, table);
    }

    /** See {@link BackfillSql#analyze}. */
    public String analyze(String schema, String table) {
        return BackfillSql.analyze(schema, table);
    }

    /** See {@link BackfillSql#remaining}. */
    public String backfillRemaining(Backfill b) {
        return BackfillSql.remaining(b);
    }

    /** See {@link BackfillSql#batch}. */
    public String backfillBatch(Backfill b, String keyColumn, boolean first) {
        return BackfillSql.batch(b, keyColumn, first);
    }

    /** See {@link ConcurrencyQueries#invalidIndexExists}. */
    public String invalidIndexExists(String schema, String name) {
        return ConcurrencyQueries.invalidIndexExists(schema, name);
    }

    /** See {@link ConcurrencyQueries#dropIndexConcurrently}. */
    public Statement dropIndexConcurrently(String schema, String name) {
        return ConcurrencyQueries.dropIndexConcurrently(schema, name);
    }

    /** See {@link CatalogQueries#extensionState}. */
    public String extensionState(String name) {
        return CatalogQueries.extensionState(name);
    }

    /** See {@link BookkeepingSql#createRetortTables}. */
    public List<Statement> createRetortTables(String schema, String versionTable, String historyTable) {
        return BookkeepingSql.createRetortTables(schema, versionTable, historyTable);
    }

    /** See {@link BookkeepingSql#tableExists}. */
    public String versionTableExists(String schema, String versionTable) {
        return BookkeepingSql.tableExists(schema, versionTable);
    }

    /** See {@link BookkeepingSql#selectVersions}. */
    public String selectVersions(String schema, String versionTable) {
        return BookkeepingSql.selectVersions(schema, versionTable);
    }

    /** See {@link BookkeepingSql#insertVersion}. */
    public Statement insertVersion(String schema, String versionTable, String revision) {
        return BookkeepingSql.insertVersion(schema, versionTable, revision);
    }

    /** See {@link BookkeepingSql#updateVersion}. */
    public Statement updateVersion(String schema, String versionTable, String from, String to) {
        return BookkeepingSql.updateVersion(schema, versionTable, from, to);
    }

    /** See {@link BookkeepingSql#deleteVersion}. */
    public Statement deleteVersion(String schema, String versionTable, String revision) {
        return BookkeepingSql.deleteVersion(schema, versionTable, revision);
    }

    /** See {@link BookkeepingSql#deleteAllVersions}. */
    public Statement deleteAllVersions(String schema, String versionTable) {
        return BookkeepingSql.deleteAllVersions(schema, versionTable);
    }

    /** See {@link BookkeepingSql#insertHistory}. */
    public Statement insertHistory(String schema, String historyTable, String revision, String direction, String checksum,
                                   String message, String appliedBy, Long durationMs, boolean success, String detail) {
        return BookkeepingSql.insertHistory(schema, historyTable, revision, direction, checksum, message, appliedBy, durationMs,
                success, detail);
    }

    /** See {@link BookkeepingSql#selectHistory}. */
    public String selectHistory(String schema, String historyTable) {
        return BookkeepingSql.selectHistory(schema, historyTable);
    }

    /** See {@link SessionSql#tryAdvisoryLock}. */
    public String tryAdvisoryLock(long key) {
        return SessionSql.tryAdvisoryLock(key);
    }

    /** See {@link SessionSql#advisoryUnlock}. */
    public String advisoryUnlock(long key) {
        return SessionSql.advisoryUnlock(key);
    }

    /** See {@link SessionSql#advisoryLockHolder}. */
    public String advisoryLockHolder(long key) {
        return SessionSql.advisoryLockHolder(key);
    }

    /** See {@link SessionSql#timeouts}. */
    public List<Statement> timeouts(long lockTimeoutMs, long statementTimeoutMs) {
        return SessionSql.timeouts(lockTimeoutMs, statementTimeoutMs);
    }

    /** See {@link SessionSql#resetTimeouts}. */
    public List<Statement> resetTimeouts() {
        return SessionSql.resetTimeouts();
    }

    /** See {@link ScratchSql#createDatabase}. */
    public String createDatabase(String name) {
        return ScratchSql.createDatabase(name);
    }

    /** See {@link ScratchSql#dropDatabase}. */
    public String dropDatabase(String name) {
        return ScratchSql.dropDatabase(name);
    }

    /** See {@link SessionSql#begin}. */
    public String begin() {
        return SessionSql.begin();
    }

    /** See {@link SessionSql#commit}. */
    public String commit() {
        return SessionSql.commit();
    }
}
