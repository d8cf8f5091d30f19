package dev.retort.internal.dialect;

/**
 * Escapes user SQL text that goes into a JDBC prepared statement: pgjdbc reads a bare {@code ?} as a
 * parameter, which breaks jsonb's {@code ?}, {@code ?|} and {@code ?&} operators; {@code ??} is its
 * escape for one {@code ?}. Question marks inside quotes, dollar-quoted bodies and comments are left
 * alone, as pgjdbc leaves them.
 */
final class JdbcPlaceholders {
    private JdbcPlaceholders() {
    }

    static String escape(String sql) {
        if (sql == null || sql.indexOf('?') < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 4);
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end = i + 1;
            if (c == '\'' || c == '"') {
                end = sql.indexOf(c, i + 1);
                end = end < 0 ? n : end + 1; // a doubled quote is two quoted runs: the same text either way
            } else if (c == '-' && sql.startsWith("--", i)) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (c == '$') {
                int tag = sql.indexOf('$', i + 1);
                if (tag > 0 && sql.substring(i + 1, tag).matches("([A-Za-z_][A-Za-z0-9_]*)?")
                        && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                    int close = sql.indexOf(sql.substring(i, tag + 1), tag + 1);
                    end = close < 0 ? n : close + tag + 1 - i;
                }
            } else if (c == '?') {
                out.append("??");
                i++;
                continue;
            }
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }
}
