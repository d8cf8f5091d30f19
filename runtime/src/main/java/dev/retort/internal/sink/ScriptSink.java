package dev.retort.internal.sink;

import dev.retort.internal.dialect.SessionSql;
import dev.retort.internal.dialect.Statement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;

/** Writes statements as a SQL script instead of running them ({@code --sql}). */
public final class ScriptSink extends TransactionTrackingSink {
    private final Appendable out;

    public ScriptSink(Appendable out) {
        this.out = out;
    }

    @Override
    protected void startTransaction() {
        write(SessionSql.begin() + ";\n\n");
    }

    @Override
    protected void commitTransaction() {
        write(SessionSql.commit() + ";\n\n");
    }

    @Override
    protected void rollbackTransaction() {
        // a script never fails halfway while being written: there is nothing to undo
    }

    @Override
    public void execute(Statement statement) {
        write(statement.sql() + ";\n\n");
    }

    // PostgreSQL ends a -- comment at CR as well as LF: text that could end the comment early (a notice,
    // a message) would become SQL. Every line terminator starts a new comment line; NUL is dropped.
    private static final java.util.regex.Pattern LINE_END = java.util.regex.Pattern.compile("\r\n|[\n\r\u000B\u000C\u0085\u2028\u2029]");

    @Override
    public void comment(String text) {
        for (String line : LINE_END.split(text.replace("\0", ""))) {
            write("-- " + line + "\n");
        }
        write("\n");
    }

    @Override
    public boolean offline() {
        return true;
    }

    @Override
    public Connection connection() {
        throw new OfflineReadException("this migration reads the database (db/connection), which --sql mode does not have; "
                + "run it online, or keep reads out of migrations meant for --sql");
    }

    @Override
    public boolean keepsSession() {
        return false;
    }

    @Override
    public boolean locks() {
        return false; // the script's reader runs it; nothing here can hold their lock
    }

    @Override
    public boolean holdsRunTransaction() {
        return false;
    }

    @Override
    public boolean remembers() {
        return false;
    }

    @Override
    public boolean batchesBackfills() {
        return false;
    }

    @Override
    public boolean writesComments() {
        return true;
    }

    @Override
    public java.time.Duration elapsedSince(long startNanos) {
        return java.time.Duration.ZERO;
    }

    @Override
    public boolean probe(String query) {
        return false;
    }

    @Override
    public String extensionState(String stateQuery) {
        return "available"; // the script states createExtension; its reader's server decides
    }

    @Override
    public java.util.List<Object[]> query(String query) {
        return java.util.List.of(); // no database to ask: a script carries no answers
    }

    @Override
    public java.util.List<Object[]> queryWith(String sql, Object... parameters) {
        return java.util.List.of();
    }

    @Override
    public java.util.List<Integer> executeCounting(java.util.List<Statement> statements) {
        executeAll(statements);
        return java.util.List.of(); // written, not run: there are no counts to check
    }

    private void write(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
