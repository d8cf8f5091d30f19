package dev.retort.spi;

import dev.retort.internal.dialect.PsqlFileText;

import java.util.List;

/**
 * A SQL file written for psql (pg_dump -s output included) as statements a migration runs: what a script
 * language's {@code sqlFile} operation hands to {@link Sql}.
 */
public final class SqlFileText {
    private SqlFileText() {
    }

    /**
     * The file's statements and a notice for each psql-only thing left out (meta-commands such as
     * {@code &#92;restrict}, pg_dump's empty search path, its session timeouts); {@code \connect} is a
     * {@link dev.retort.ScriptException} naming the file and line.
     */
    public static Cleaned clean(String text, String fileName) {
        PsqlFileText.Cleaned c = PsqlFileText.clean(text, fileName);
        return new Cleaned(c.sql(), c.notices());
    }

    /**
     * A cleaned file.
     *
     * @param sql     the statements to run
     * @param notices one line for each thing left out or changed
     */
    public record Cleaned(String sql, List<String> notices) {
    }
}
