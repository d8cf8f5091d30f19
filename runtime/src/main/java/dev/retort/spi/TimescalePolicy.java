package dev.retort.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * A TimescaleDB background policy on a hypertable, added ({@code add_retention_policy},
 * {@code add_compression_policy}) or removed ({@code remove_..._policy}). The two kinds take the same arguments: the
 * table, and for an addition how old rows must be before the policy acts on them.
 *
 * @param after how old rows must be (an interval such as {@code 30 days}); a removal keeps the one it undoes, or null
 */
public record TimescalePolicy(Kind kind, Change change, String schema, String table, String after) implements Operation {
    public TimescalePolicy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(change, "change");
        if (change == Change.ADD) {
            OptionChecks.interval(kind.option(), after);
        }
    }

    /** Which policy. */
    public enum Kind {
        /** Drops chunks older than {@code after}. */
        RETENTION,
        /** Compresses chunks older than {@code after} (the table is set to compress first). */
        COMPRESSION;

        /** The word in TimescaleDB's function names: {@code add_<word>_policy}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The DSL option that gives {@code after}, for messages. */
        public String option() {
            return switch (this) {
                case RETENTION -> "dropAfter";
                case COMPRESSION -> "compressAfter";
            };
        }
    }

    /** Whether the policy is added or removed. */
    public enum Change {
        ADD,
        REMOVE
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
