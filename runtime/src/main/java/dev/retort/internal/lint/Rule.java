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
    REINDEX_NOT_CONCURRENT("reindex-not-concurrent", "REINDEX without CONCURRENTLY locks out writes (and reads that use the index) until it finishes",
            "REINDEX ... CONCURRENTLY (PostgreSQL 12+), run in autocommit { }; before 12 build a new index concurrently and swap"),
    VACUUM_FULL("vacuum-full", "VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock: no reads or writes until it ends",
            "plain VACUUM (no lock against reads and writes), or pg_repack / pg_squeeze to shrink a live table"),
    CLUSTER("cluster", "CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock: no reads or writes until it ends",
            "pg_repack --order-by for a live table, or CLUSTER in a maintenance window"),
    ADD_PRIMARY_KEY("add-primary-key", "adding a primary key to an existing table builds its index (and checks NOT NULL) under an ACCESS EXCLUSIVE lock",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ALTER TABLE ... ADD PRIMARY KEY USING INDEX (its columns already NOT NULL)"),
    EXCLUSION_CONSTRAINT("exclusion-constraint", "an exclusion constraint added to an existing table builds its index under an ACCESS EXCLUSIVE lock, and cannot be added NOT VALID",
            "add it when the table is created, or in a maintenance window; enforce it in a trigger meanwhile"),
    DROP_SCHEMA("drop-schema", "dropping a schema drops every object in it and breaks the code deployed before the migration",
            "stop using the schema's objects first; drop it in a later migration after a backup"),
    DROP_DATABASE("drop-database", "DROP DATABASE in a migration loses every table in it",
            "drop databases by hand, never from a migration"),
    TRUNCATE("truncate", "TRUNCATE loses the table's rows and takes an ACCESS EXCLUSIVE lock (CASCADE empties referencing tables too)",
            "delete in batches with backfill, or truncate by hand after a backup"),
    RENAME_ENUM_VALUE("rename-enum-value", "renaming an enum value breaks the code deployed before the migration, which still writes the old value",
            "add the new value, move the rows and the code to it, stop using the old one"),
    RENAME_SCHEMA("rename-schema", "renaming a schema breaks the code deployed before the migration",
            "create the new schema, move the objects one by one with compatibility views, drop the old one later"),
    DOMAIN_CONSTRAINT("alter-domain-add-constraint", "ALTER DOMAIN ... ADD CONSTRAINT checks every column of that domain in every table, under lock",
            "ADD CONSTRAINT ... NOT VALID, then ALTER DOMAIN ... VALIDATE CONSTRAINT in a later migration"),
    DETACH_PARTITION("detach-partition-not-concurrent", "DETACH PARTITION without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the partitioned table",
            "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+), run in autocommit { }"),
    DROP_NOT_NULL("drop-not-null", "dropping NOT NULL lets NULLs in that the code deployed before the migration does not expect",
            "deploy code that handles NULL first; then drop the constraint"),
    CHAR_TYPE("char-type", "char(n) pads with blanks and is no faster than text or varchar",
            "use text (with a CHECK on length if needed) or varchar(n)"),
    ENUM_VALUE_IN_TRANSACTION("add-enum-value-in-transaction", "ALTER TYPE ... ADD VALUE inside a transaction: PostgreSQL before 12 refuses it",
            "run it in autocommit { } (or transaction 'none'), or target PostgreSQL 12+"),
    STORED_GENERATED_COLUMN("stored-generated-column", "adding a stored generated column rewrites the table under an ACCESS EXCLUSIVE lock",
            "add a plain column, fill it with backfill, keep it current with a trigger"),
    UPDATE_WITHOUT_WHERE("update-without-where", "UPDATE or DELETE without WHERE on an existing table: every row is locked (and rewritten) in one transaction",
            "use backfill (batches, each its own short transaction); add a WHERE if only some rows should change"),
    ROW_BY_ROW("row-by-row-update", "db.executeUpdate / db.execute inside a loop: one round trip per row, all in the migration's transaction, which holds its DDL locks meanwhile",
            "use backfill with one set-based SET ... WHERE (batches, each its own short transaction)"),
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
