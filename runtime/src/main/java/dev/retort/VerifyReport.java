package dev.retort;

import java.util.List;

/**
 * What {@code verify} found: for each revision, whether up, down and up again left the schema as
 * expected; for the first that did not, the schema diff that proves it.
 *
 * @param checked   revisions checked, in the order they were
 * @param failed    the first revision that broke, or null
 * @param problem   what broke ("downgrade leaves a trace", "upgrade again differs"), or null
 * @param diff      the schema diff, one line per object ({@code + } left behind, {@code - } missing, {@code ~ } changed)
 * @param locks     with {@code --locks}: the locks each checked revision's first upgrade took, statement by statement
 */
public record VerifyReport(List<String> checked, String failed, String problem, List<String> diff, List<LockMeasurement> locks) {
    public VerifyReport {
        checked = List.copyOf(checked);
        diff = diff == null ? List.of() : List.copyOf(diff);
        locks = locks == null ? List.of() : List.copyOf(locks);
    }

    /** A report without lock measurements. */
    public VerifyReport(List<String> checked, String failed, String problem, List<String> diff) {
        this(checked, failed, problem, diff, List.of());
    }

    /** The same report with {@code measured} locks. */
    public VerifyReport withLocks(List<LockMeasurement> measured) {
        return new VerifyReport(checked, failed, problem, diff, measured);
    }

    /** The ACCESS EXCLUSIVE locks on a table with rows that were held longer than {@code budget}. */
    public List<LockMeasurement> overBudget(java.time.Duration budget) {
        return locks.stream().filter(m -> m.mode() == LockMode.ACCESS_EXCLUSIVE && m.rows() > 0 && m.heldMs() > budget.toMillis())
                .toList();
    }

    /** True when every revision round-tripped. */
    public boolean ok() {
        return failed == null;
    }
}
