package dev.retort.internal.lint;

import java.util.Locale;

/** The lint rules: id, what is wrong, the safe alternative. Each has a section in docs/lint.md. */
public enum Rule {
    INDEX_NOT_CONCURRENT("index-not-concurrent", "index created or dropped without CONCURRENTLY on an existing table: writes are blocked while it builds",
            "use createIndex ..., concurrently: true (dropIndex ..., concurrently: true)"),
    CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", "CONCURRENTLY inside a DO block, function or explicit transaction: PostgreSQL refuses it",
            "run the CONCURRENTLY statement on its own; Retort moves it out of the transaction"),
    TRANSACTION_CONTROL("transaction-control", "BEGIN/COMMIT/ROLLBACK in a migration: Retort manages transactions and the version row must commit with the change",
            "remove it; use autocommit { } or transaction 'none' for steps that must run outside a transaction"),
    NOT_NULL_WITHOUT_DEFAULT("add-column-not-null-without-default", "NOT NULL column added without a default: fails on a table with rows, or locks it while filling",
            "add it nullable, backfill, then set NOT NULL (or give a constant default)"),
    SET_NOT_NULL("set-not-null", "SET NOT NULL on an existing column scans the whole table under an ACCESS EXCLUSIVE lock",
            "addCheckConstraint 'ck', check: 'col IS NOT NULL', notValid: true; validateConstraint; then alterColumn nullable: false (PG12+ skips the scan)"),
    CONSTRAINT_NOT_VALID("constraint-without-not-valid", "foreign key or check constraint added without NOT VALID on an existing table: the whole table is checked under lock",
            "add it with notValid: true, then validateConstraint in a later step"),
    UNIQUE_CONSTRAINT("unique-constraint-direct", "unique constraint added directly on an existing table: builds its index under an ACCESS EXCLUSIVE lock",
            "createIndex 'uq', unique: true, concurrently: true; then addUniqueConstraint 'uq', usingIndex: 'uq'"),
    TYPE_REWRITE("column-type-rewrite", "column type change that rewrites the table under an ACCESS EXCLUSIVE lock",
            "add a new column, backfill, switch reads, drop the old one (safe without rewrite: varchar widening, varchar to text, numeric precision widening)"),
    VOLATILE_DEFAULT("volatile-default", "new column with a volatile (or, before PostgreSQL 11, any) default rewrites the table",
            "add the column without a default, set the default, backfill existing rows"),
    RENAME_COLUMN("rename-column", "renaming a column breaks the code deployed before the migration",
            "add the new column, copy (backfill), deploy code that uses it, drop the old one later"),
    RENAME_TABLE("rename-table", "renaming a table breaks the code deployed before the migration",
            "create the new table (or a view with the new name), move reads and writes, drop the old one later"),
    DROP_COLUMN("drop-column", "dropping a column breaks the code deployed before the migration",
            "stop using the column in code first; drop it in a later migration"),
    DROP_TABLE("drop-table", "dropping a table breaks the code deployed before the migration, and loses its data",
            "stop using the table in code first; drop it in a later migration after a backup"),
    DATA_IN_DDL_TRANSACTION("data-in-ddl-transaction", "UPDATE/DELETE inside the migration's transaction holds row locks (and its DDL locks) until it commits",
            "use backfill (batches, each its own short transaction)"),
    MIXED_SCHEMA_AND_DATA("mixed-schema-and-data", "schema and data changes in one migration",
            "split them: one migration for the schema, the next for the data"),
    MISSING_DOWNGRADE("missing-downgrade", "no downgrade block: this migration cannot be rolled back",
            "add downgrade { } (or write it as change { })"),
    JSON_TYPE("json-type", "json instead of jsonb: no indexing, no equality, slower to query",
            "use jsonb"),
    TIMESTAMP_WITHOUT_TZ("timestamp-without-time-zone", "timestamp without time zone loses the offset",
            "use timestamptz"),
    SERIAL_OR_INT_PK("serial-or-int-primary-key", "serial or int primary key: runs out at 2 billion and serial has ownership quirks",
            "use bigint with identity: true"),
    CONCURRENT_INDEX_ON_HYPERTABLE("concurrent-index-on-hypertable", "CREATE INDEX CONCURRENTLY on a TimescaleDB hypertable: TimescaleDB refuses it",
            "create the index without CONCURRENTLY (TimescaleDB builds it per chunk), or with timescaledb.transaction_per_chunk"),
    LOCK_TIMEOUT_DISABLED("lock-timeout-disabled", "lock_timeout turned off: DDL waiting on a busy table queues every query behind it",
            "keep Retort's lock_timeout (set lockTimeout '30s' in the header if 10 s is too short)"),
    IGNORE_WITHOUT_REASON("lint-ignore-without-reason", "a retort:lint-ignore comment without a reason",
            "say why: // retort:lint-ignore RULE-ID the table is empty in every environment");

    private final String id;
    private final String message;
    private final String fix;

    Rule(String id, String message, String fix) {
        this.id = id;
        this.message = message;
        this.fix = fix;
    }

    public String id() {
        return id;
    }

    public String message() {
        return message;
    }

    public String fix() {
        return fix;
    }

    /** The section of docs/lint.md. */
    public String docs() {
        return "docs/lint.md#" + id;
    }

    /** The rule with this id, or null. */
    public static Rule byId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }
}
