package dev.retort.internal.dialect;

/**
 * The end of a --sql script that cannot go on (a migration reads the database): a comment for the reader, a
 * line psql prints, a statement that fails in any client (so psql with ON_ERROR_STOP, or a tool that stops at
 * errors, goes no further) and psql's {@code \quit} for a psql without it.
 */
public final class ScriptStop {
    private ScriptStop() {
    }

    /** The stop lines for {@code reason} (one line, no newline). */
    public static String text(String reason, String advice) {
        String one = reason.replace('\n', ' ').replace('\r', ' ');
        return "-- ============================================================================\n"
                + "-- Retort stopped writing here: " + one + "\n"
                + "-- " + advice.replace('\n', ' ') + "\n"
                + "-- ============================================================================\n"
                + "\\echo " + Literals.string("Retort: the script ends here: " + one) + "\n"
                + "DO $retort_stop$ BEGIN RAISE EXCEPTION '%', " + Literals.string("Retort: the script ends here: " + one)
                + "; END $retort_stop$;\n"
                + "\\quit\n";
    }
}
