package dev.retort.internal.dialect;

import dev.retort.ScriptException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A SQL file as psql would run it (pg_dump -s output included) turned into plain statements a migration can
 * run: psql meta-commands ({@code &#92;restrict}, {@code &#92;unrestrict}, {@code \set}, ...) are psql's, not the
 * server's, so they are left out with a notice; {@code \connect} would switch databases, so it is refused.
 * pg_dump's {@code set_config('search_path', '', false)} is left out so that the migration keeps the
 * session's search path (pg_dump qualifies every name, so its objects land in the schema they were dumped from,
 * and unqualified statements after it still resolve); its session timeouts are left out so Retort's own stay in force, and
 * its other session {@code SET}s become {@code SET LOCAL}, ending with the migration's transaction instead of
 * leaking into the migrations after it.
 */
public final class PsqlFileText {
    private static final Pattern SEARCH_PATH = Pattern.compile(
            "(?is)select\\s+(pg_catalog\\s*\\.\\s*)?set_config\\s*\\(\\s*'search_path'\\s*,.*");
    private static final Pattern TIMEOUT = Pattern.compile(
            "(?is)set\\s+(session\\s+)?(statement_timeout|lock_timeout|idle_in_transaction_session_timeout|transaction_timeout)\\b.*");
    private static final Pattern SESSION_SET = Pattern.compile("(?is)set\\s+(session\\s+)?(?!local\\b)(\\w+)\\s*(=|\\bto\\b).*");

    /**
     * The statements to run, and one notice per thing left out.
     *
     * @param sql     the statements, each ending in a semicolon
     * @param notices what was skipped or changed, each naming the file and line
     */
    public record Cleaned(String sql, List<String> notices) {
    }

    private PsqlFileText() {
    }

    /** {@code text} (from {@code fileName}) without psql's meta-commands; a {@code \connect} is a ScriptException. */
    public static Cleaned clean(String text, String fileName) {
        List<String> notices = new ArrayList<>();
        String plain = withoutMetaCommands(text, fileName, notices);
        List<String> kept = new ArrayList<>();
        boolean searchPath = false;
        boolean timeouts = false;
        boolean localSets = false;
        for (String statement : SqlSplitter.split(plain)) {
            String code = withoutLeadingComments(statement);
            if (SEARCH_PATH.matcher(code).matches()) {
                searchPath = true;
            } else if (TIMEOUT.matcher(code).matches()) {
                timeouts = true;
            } else if (SESSION_SET.matcher(code).matches()) {
                localSets = true;
                kept.add("SET LOCAL " + code.replaceFirst("(?is)^set\\s+(session\\s+)?", ""));
            } else {
                kept.add(statement);
            }
        }
        if (searchPath) {
            notices.add(fileName + ": left out pg_dump's set_config('search_path', ...): the statements run with the session's search path");
        }
        if (timeouts) {
            notices.add(fileName + ": left out its session timeouts (SET statement_timeout, lock_timeout, ...): Retort's own apply");
        }
        if (localSets) {
            notices.add(fileName + ": its other SET statements run as SET LOCAL, ending with the migration's transaction");
        }
        StringBuilder out = new StringBuilder();
        for (String s : kept) {
            out.append(s).append(";\n\n");
        }
        return new Cleaned(out.toString(), List.copyOf(notices));
    }

    // a meta-command is a line starting with a backslash outside any string, dollar quote or comment
    private static String withoutMetaCommands(String text, String fileName, List<String> notices) {
        List<SqlLexer.Token> quoted = SqlLexer.tokens(text).stream().filter(t -> t.kind() == SqlLexer.Kind.STRING
                || t.kind() == SqlLexer.Kind.DOLLAR_STRING || t.kind() == SqlLexer.Kind.COMMENT
                || t.kind() == SqlLexer.Kind.QUOTED_NAME).toList();
        StringBuilder out = new StringBuilder(text.length());
        int offset = 0;
        int lineNo = 0;
        int q = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            int lineStart = offset;
            offset += line.length() + 1;
            String trimmed = line.stripLeading();
            int at = lineStart + (line.length() - trimmed.length());
            while (q < quoted.size() && quoted.get(q).end() <= at) {
                q++;
            }
            boolean inside = q < quoted.size() && quoted.get(q).start() < at;
            if (!trimmed.startsWith("\\") || inside) {
                out.append(line).append('\n');
                continue;
            }
            String command = trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (command.equals("\\c") || command.equals("\\connect")) {
                throw new ScriptException(fileName + ":" + lineNo + ": " + command + " would switch to another database; a migration "
                        + "runs in the configured one: remove the line (pg_dump writes it with --create; dump without it)");
            }
            notices.add(fileName + ":" + lineNo + ": skipped the psql meta-command " + command + " (psql's, not SQL)");
            out.append('\n');
        }
        return out.toString();
    }

    private static String withoutLeadingComments(String statement) {
        String s = statement.strip();
        while (s.startsWith("--") || s.startsWith("/*")) {
            int end = s.startsWith("--") ? s.indexOf('\n') : s.indexOf("*/") + 1;
            if (end <= 0) {
                return "";
            }
            s = s.substring(end + 1).strip();
        }
        return s;
    }
}
