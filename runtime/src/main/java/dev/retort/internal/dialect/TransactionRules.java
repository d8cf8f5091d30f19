package dev.retort.internal.dialect;

import java.util.List;
import java.util.regex.Pattern;

/** Recognises the statements PostgreSQL refuses inside a transaction block. */
public final class TransactionRules {
    private static final List<Pattern> OUTSIDE = List.of(
            Pattern.compile("^CREATE (UNIQUE )?INDEX CONCURRENTLY\\b.*", Pattern.DOTALL),
            Pattern.compile("^DROP INDEX CONCURRENTLY\\b.*", Pattern.DOTALL),
            Pattern.compile("^REINDEX\\b.*\\bCONCURRENTLY\\b.*", Pattern.DOTALL),
            Pattern.compile("^REINDEX (SYSTEM|DATABASE)\\b.*", Pattern.DOTALL),
            Pattern.compile("^VACUUM\\b.*", Pattern.DOTALL),
            Pattern.compile("^ALTER SYSTEM\\b.*", Pattern.DOTALL),
            Pattern.compile("^(CREATE|DROP) (DATABASE|TABLESPACE)\\b.*", Pattern.DOTALL),
            Pattern.compile("^ALTER TABLE .*\\bDETACH PARTITION\\b.*\\bCONCURRENTLY\\b.*", Pattern.DOTALL),
            Pattern.compile("^CREATE MATERIALIZED VIEW\\b.*TIMESCALEDB\\.CONTINUOUS\\b.*", Pattern.DOTALL),
            Pattern.compile("^CALL REFRESH_CONTINUOUS_AGGREGATE\\b.*", Pattern.DOTALL),
            Pattern.compile("^CREATE SUBSCRIPTION\\b.*", Pattern.DOTALL));

    // the statements that wait for every older transaction's snapshot, not only for a lock
    private static final Pattern WAITS_FOR_SNAPSHOTS = Pattern.compile(
            "(?is)^(CREATE\\s+(UNIQUE\\s+)?INDEX|REINDEX|ALTER\\s+TABLE)\\b.*?\\bCONCURRENTLY\\b.*");

    private TransactionRules() {
    }

    /** True when {@code statement} must run outside a transaction. */
    public static boolean needsAutocommit(String statement) {
        String norm = SqlSplitter.normalize(statement);
        for (Pattern p : OUTSIDE) {
            if (p.matcher(norm).matches()) {
                // a continuous aggregate created WITH NO DATA may run inside a transaction
                return !(norm.startsWith("CREATE MATERIALIZED VIEW") && norm.endsWith("WITH NO DATA"));
            }
        }
        return false;
    }

    /** True when {@code statement} (CREATE INDEX / REINDEX / DETACH PARTITION ... CONCURRENTLY) waits for old snapshots. */
    public static boolean waitsForOldSnapshots(String statement) {
        return WAITS_FOR_SNAPSHOTS.matcher(SqlSplitter.normalize(statement)).matches();
    }
}
