package dev.retort.internal.dialect;

/**
 * Something a raw SQL statement does that has no operation record of its own, as the statement reader
 * hands it to lint.
 *
 * @param kind   what it does
 * @param target the table, schema, type or view it acts on (as PostgreSQL folds the name), or null
 * @param detail the statement's words that matter, for the finding
 */
public record SqlAction(Kind kind, String target, String detail) {
    /** The kinds of action lint has rules for. */
    public enum Kind {
        /** REINDEX without CONCURRENTLY. */
        REINDEX,
        /** VACUUM FULL. */
        VACUUM_FULL,
        /** CLUSTER. */
        CLUSTER,
        /** TRUNCATE (target: the first table). */
        TRUNCATE,
        /** DROP DATABASE. */
        DROP_DATABASE,
        /** ALTER TYPE ... RENAME VALUE. */
        RENAME_ENUM_VALUE,
        /** ALTER SCHEMA ... RENAME TO. */
        RENAME_SCHEMA,
        /** ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID. */
        DOMAIN_CONSTRAINT,
        /** ALTER TABLE ... DETACH PARTITION without CONCURRENTLY or FINALIZE. */
        DETACH_PARTITION,
        /** ALTER TABLE ... ADD PRIMARY KEY (detail "USING INDEX" when it adopts an index). */
        ADD_PRIMARY_KEY,
        /** ALTER TABLE ... ADD EXCLUDE. */
        EXCLUSION_CONSTRAINT,
        /** ADD COLUMN ... GENERATED ALWAYS AS (...) STORED (target table, detail the column). */
        STORED_GENERATED_COLUMN,
        /** CREATE [OR REPLACE] VIEW (target: the view). */
        CREATE_VIEW
    }
}
