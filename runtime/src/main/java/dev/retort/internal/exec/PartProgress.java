package dev.retort.internal.exec;

import dev.retort.Direction;
import dev.retort.Revision;
import dev.retort.internal.history.HistoryEntry;
import dev.retort.internal.history.VersionStore;
import dev.retort.internal.sink.SqlSink;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration whose parts commit on their own (plain steps before a CONCURRENTLY index, a backfill):
 * each commit inside it writes a history row "partial: N statement(s) committed" in the same
 * transaction, and a re-run of the same script text resumes after statement N instead of failing on
 * "already exists". Positions count the statements the script renders, in order.
 */
final class PartProgress {
    private static final Pattern PARTIAL = Pattern.compile("^partial: (\\d+) statement\\(s\\) committed \\[prefix ([0-9a-f]+)]");

    private final VersionStore store;
    private final Revision revision;
    private final Direction direction;
    private final int resumeAt;
    private int position;
    private int committed;
    private String expectedPrefix;
    private final java.security.MessageDigest prefix = sha256();
    private String prefixAt = "";
    private String previousPrefix = "";

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PartProgress(VersionStore store, Revision revision, Direction direction, int resumeAt) {
        this.store = store;
        this.revision = revision;
        this.direction = direction;
        this.resumeAt = resumeAt;
        this.committed = resumeAt;
    }

    /** Where each revision's unfinished attempt stopped, from the history: revision -> committed statements. */
    static Map<String, String> resumePoints(VersionStore store, Connection c, Direction direction) {
        Map<String, String> out = new HashMap<>();
        for (HistoryEntry e : store.history(c)) {
            if (e.success()) {
                out.remove(e.revision());
                continue;
            }
            Matcher m = e.detail() == null ? null : PARTIAL.matcher(e.detail());
            if (m != null && m.find() && e.action() == dev.retort.HistoryRow.Action.of(direction)) {
                out.put(e.revision(), m.group(1) + " " + m.group(2));
            }
        }
        return out;
    }

    /** The progress of one attempt; it resumes only while the script renders the committed part as it did. */
    static PartProgress start(VersionStore store, Revision r, Direction direction, Map<String, String> points) {
        String at = points.get(r.id());
        PartProgress p = new PartProgress(store, r, direction, at == null ? 0 : Integer.parseInt(at.substring(0, at.indexOf(' '))));
        p.expectedPrefix = at == null ? null : at.substring(at.indexOf(' ') + 1);
        return p;
    }

    int resumeAt() {
        return resumeAt;
    }

    /** Moves to the next statement; true when an earlier attempt committed it already (skip it). */
    boolean nextIsDone(String rendered) {
        position++;
        previousPrefix = prefixAt;
        prefix.update((rendered + "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        prefixAt = digest();
        if (position == resumeAt && !prefixAt.equals(expectedPrefix)) {
            throw new dev.retort.ScriptException(revision.file() + ": an earlier attempt committed the first " + resumeAt
                    + " statement(s) of revision " + revision.id() + " (see 'retort history'), but the script now renders them"
                    + " differently; restore those statements (edit only what comes after them), or undo them by hand and run again");
        }
        return position <= resumeAt;
    }

    private String digest() {
        try {
            byte[] d = ((java.security.MessageDigest) prefix.clone()).digest();
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Statements committed so far, by this attempt and the ones before it. */
    int committed() {
        return committed;
    }

    /** Before a commit inside the migration: everything before the current statement commits with it. */
    void beforeCommit(SqlSink sink) {
        mark(sink, position - 1, previousPrefix);
    }

    /** After a statement that committed on its own (autocommit). */
    void afterAutocommit(SqlSink sink) {
        mark(sink, position, prefixAt);
    }

    private void mark(SqlSink sink, int upTo, String hash) {
        if (!sink.remembers() || upTo <= committed) { // a script keeps no history to resume from
            return;
        }
        committed = upTo;
        sink.execute(store.recordStatement(new HistoryEntry(revision.id(), direction, revision.checksum(), revision.message(),
                null, null, null, false, "partial: " + upTo + " statement(s) committed [prefix " + hash + "]; a re-run of this text resumes after them")));
    }
}
