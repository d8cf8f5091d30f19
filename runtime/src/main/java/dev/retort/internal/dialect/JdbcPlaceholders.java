package dev.retort.internal.dialect;

import java.util.EnumSet;
import java.util.Set;

/**
 * Escapes user SQL text that goes into a JDBC prepared statement: pgjdbc reads a bare {@code ?} as a
 * parameter, which breaks jsonb's {@code ?}, {@code ?|} and {@code ?&} operators; {@code ??} is its
 * escape for one {@code ?}. Question marks inside quotes, dollar-quoted bodies and comments are left
 * alone, as pgjdbc leaves them; {@link SqlLexer} says which is which.
 */
final class JdbcPlaceholders {
    private static final Set<SqlLexer.Kind> AS_WRITTEN = EnumSet.of(SqlLexer.Kind.STRING, SqlLexer.Kind.QUOTED_NAME,
            SqlLexer.Kind.DOLLAR_STRING, SqlLexer.Kind.COMMENT);

    private JdbcPlaceholders() {
    }

    static String escape(String sql) {
        if (sql == null || sql.indexOf('?') < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 4);
        int from = 0;
        for (SqlLexer.Token t : SqlLexer.tokens(sql)) {
            out.append(sql, from, t.start()); // white space between tokens
            out.append(AS_WRITTEN.contains(t.kind()) ? t.text() : t.text().replace("?", "??"));
            from = t.end();
        }
        return out.append(sql, from, sql.length()).toString();
    }
}
