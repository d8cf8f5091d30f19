package dev.retort.internal.command;

import dev.retort.PartialScriptException;
import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.internal.dialect.ScriptStop;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.sink.OfflineReadException;

/**
 * A --sql script cut where a migration reads the database: the migrations before it are complete in the
 * script, the one that reads is left out (its BEGIN and first statements too), and the stop marker says where
 * and why, so a DBA gets the reviewable part and knows where it ends.
 */
final class PartialScripts {
    // the executor starts each migration's part of the script with this comment
    private static final String MIGRATION_START = "-- Running ";

    private PartialScripts() {
    }

    /** The partial script for {@code e} when a migration read the database, else null (another failure). */
    static PartialScriptException of(ScriptException e, StringBuilder out, Plan plan, String spec) {
        if (!readsDatabase(e)) {
            return null;
        }
        Revision reader = plan.steps().stream().filter(r -> r.file() != null && e.getMessage().startsWith(r.file()))
                .findFirst().orElse(null);
        int cut = out.lastIndexOf(MIGRATION_START);
        String head = cut < 0 ? out.toString() : out.substring(0, cut);
        String who = reader == null ? "a migration" : "revision " + reader.id() + " (" + reader.file() + ")";
        String resume = reader == null ? "" : "; after it, 'retort upgrade --sql " + reader.id() + ":" + target(spec) + "' writes the rest";
        String script = head + ScriptStop.text(who + " reads the database, which a script cannot do",
                "Everything above is complete. Run that migration online ('retort upgrade "
                        + (reader == null ? "" : reader.id()) + "')" + resume + ".");
        return new PartialScriptException(e.getMessage().lines().findFirst().orElse("") + "; the script was written up to "
                + who + " and ends there", script, reader == null ? null : reader.id(), e);
    }

    private static String target(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? spec : spec.substring(colon + 1);
    }

    private static boolean readsDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OfflineReadException) {
                return true;
            }
        }
        return false;
    }
}
