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
 */
public record VerifyReport(List<String> checked, String failed, String problem, List<String> diff) {
    public VerifyReport {
        checked = List.copyOf(checked);
        diff = diff == null ? List.of() : List.copyOf(diff);
    }

    /** True when every revision round-tripped. */
    public boolean ok() {
        return failed == null;
    }
}
