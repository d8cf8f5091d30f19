package dev.retort.internal.dialect;

import dev.retort.spi.Backfill;

import java.util.Locale;

/**
 * The {@code --sql} form of a backfill: a {@code DO} block that walks the primary key once, as the
 * online run does (keyset batches (last, hi], each committed; PostgreSQL 11+, outside a transaction
 * block). The key column and its type are found when the script runs, since there is no database when
 * it is written; the statements are dollar-quoted with tags that occur nowhere in the user's text.
 */
final class OfflineBackfill {
    private static final String KEY = "\u0000k\u0000";
    private static final String TYPE = "\u0000t\u0000";

    private OfflineBackfill() {
    }

    /** The DO block for {@code b} on the (already quoted) table {@code t}. */
    static String render(Backfill b, String t) {
        String where = b.where() == null ? "" : " AND (" + b.where() + ")";
        String after = "($1 IS NULL OR " + KEY + " > $1::" + TYPE + ")";
        String select = "SELECT max(" + KEY + ")::text FROM (SELECT " + KEY + " FROM " + t + " WHERE " + after + where
                + " ORDER BY " + KEY + " LIMIT " + b.batchSize() + ") retort_batch";
        String update = "UPDATE " + t + " SET " + b.set() + " WHERE " + after + " AND " + KEY + " <= $2::" + TYPE + where;
        String inner = tag("retort_q", b.set() + "\n" + (b.where() == null ? "" : b.where()) + "\n" + t + "\n");
        String table = quoted(t, inner);
        String body = "\nDECLARE\n    k text;\n    kt text;\n    n int;\n    last_key text;\n    hi text;\nBEGIN\n"
                + "    SELECT count(*) INTO n FROM pg_index i WHERE i.indrelid = " + table + "::regclass AND i.indisprimary"
                + " AND i.indnkeyatts = 1;\n"
                + "    IF n <> 1 THEN\n        RAISE EXCEPTION 'backfill of % needs a single-column primary key to walk in batches', "
                + table + ";\n    END IF;\n"
                + "    SELECT quote_ident(a.attname), format_type(a.atttypid, a.atttypmod) INTO k, kt FROM pg_index i"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
                + " WHERE i.indrelid = " + table + "::regclass AND i.indisprimary;\n"
                + "    LOOP\n"
                + "        EXECUTE " + expression(select, inner) + "\n            INTO hi USING last_key;\n"
                + "        EXIT WHEN hi IS NULL;\n"
                + "        EXECUTE " + expression(update, inner) + "\n            USING last_key, hi;\n"
                + "        last_key := hi;\n        COMMIT;\n"
                + (b.pauseMs() > 0 ? "        PERFORM pg_sleep(" + String.format(Locale.ROOT, "%.3f", b.pauseMs() / 1000.0) + ");\n" : "")
                + "    END LOOP;\nEND\n";
        String outer = tag("retort_backfill", body);
        return "DO " + outer + body + outer;
    }

    // text with the key and type markers as a plpgsql string expression: quoted pieces joined by k and kt
    private static String expression(String text, String tag) {
        StringBuilder out = new StringBuilder();
        StringBuilder piece = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith(KEY, i) || text.startsWith(TYPE, i)) {
                if (piece.length() > 0) {
                    out.append(quoted(piece.toString(), tag)).append(" || ");
                    piece.setLength(0);
                }
                out.append(text.startsWith(KEY, i) ? "k" : "kt").append(" || ");
                i += KEY.length();
            } else {
                piece.append(text.charAt(i++));
            }
        }
        if (piece.length() > 0) {
            out.append(quoted(piece.toString(), tag));
        } else {
            out.setLength(out.length() - 4);
        }
        return out.toString();
    }

    private static String quoted(String s, String tag) {
        return tag + s + tag;
    }

    // $base$, or $base_1$, $base_2$, ...: the first that cannot end early inside the text
    static String tag(String base, String text) {
        String tag = "$" + base + "$";
        for (int n = 1; (text + tag).indexOf(tag) != text.length(); n++) {
            tag = "$" + base + "_" + n + "$";
        }
        return tag;
    }
}
