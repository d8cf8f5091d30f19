package dev.retort.internal.command;

import dev.retort.ConnectionException;
import dev.retort.HistoryRow;
import dev.retort.Revision;
import dev.retort.RevisionStatus;
import dev.retort.RevisionStatus.ChecksumState;
import dev.retort.internal.history.FutureRevisions;
import dev.retort.internal.history.HistoryEntry;
import dev.retort.spi.SqlFailure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the version and history tables say: the current heads, the history, and each revision's status. */
public final class Status {
    private final CommandContext ctx;

    public Status(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** The version rows, including revisions not in this checkout. */
    public List<String> current() {
        try {
            return ctx.onDatabase("cannot close the connection to", c -> ctx.store().read(c));
        } catch (SqlFailure f) {
            throw new ConnectionException("cannot read the version table on " + ctx.database().describe() + ": "
                    + f.serverMessage(), f);
        }
    }

    /** The history table, oldest first. */
    public List<HistoryRow> history() {
        return ctx.onDatabase("cannot read history on", c -> ctx.store().history(c)).stream()
                .map(e -> new HistoryRow(e.revision(), e.action(), e.checksum(), e.message(),
                        e.appliedAt(), e.appliedBy(), e.durationMs(), e.success(), e.detail()))
                .toList();
    }

    /** Every revision, oldest first; then the revisions the database is at that are not in this checkout. */
    public List<RevisionStatus> revisions() {
        return ctx.onDatabase("cannot read status on", c -> {
            List<String> versions = ctx.store().read(c);
            List<HistoryEntry> history = ctx.store().history(c);
            Set<String> applied = FutureRevisions.applied(ctx.graph(), versions, history);
            Map<String, HistoryEntry> lastUp = new HashMap<>();
            Map<String, HistoryEntry> accepted = AppliedChecksums.acceptedRows(history);
            Map<String, HistoryEntry> lastFailure = new HashMap<>();
            for (HistoryEntry e : history) {
                if (e.applied()) {
                    lastUp.put(e.revision(), e);
                    lastFailure.remove(e.revision());
                } else if (!e.success()) {
                    lastFailure.put(e.revision(), e);
                }
            }
            List<RevisionStatus> out = new ArrayList<>();
            for (Revision r : ctx.graph().topological()) {
                boolean isApplied = applied.contains(r.id());
                HistoryEntry h = isApplied ? lastUp.get(r.id()) : null;
                HistoryEntry a = accepted.get(r.id());
                ChecksumState state = a == null || a.checksum() == null || !isApplied ? ChecksumState.UNKNOWN
                        : a.checksum().equals(r.checksum()) ? ChecksumState.MATCHES : ChecksumState.EDITED;
                HistoryEntry f = lastFailure.get(r.id());
                out.add(new RevisionStatus(r, isApplied, h == null ? null : h.appliedAt(), h == null ? null : h.appliedBy(),
                        h == null ? null : h.durationMs(), state, f == null ? null : f.detail()));
            }
            // then the repeatables: applied while the text they last ran with is their text now, else pending
            List<Revision> pending = Repeatables.pending(ctx, history);
            for (Revision r : ctx.repeatables()) {
                HistoryEntry h = pending.contains(r) ? null : lastUp.get(r.id());
                HistoryEntry f = lastFailure.get(r.id());
                out.add(new RevisionStatus(r, h != null, h == null ? null : h.appliedAt(), h == null ? null : h.appliedBy(),
                        h == null ? null : h.durationMs(), h == null ? ChecksumState.UNKNOWN : ChecksumState.MATCHES,
                        f == null ? null : f.detail()));
            }
            out.addAll(FutureRevisions.statuses(ctx.graph(), versions, lastUp));
            return out;
        });
    }
}
