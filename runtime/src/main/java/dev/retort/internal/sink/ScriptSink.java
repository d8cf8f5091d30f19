package dev.retort.internal.sink;

import dev.retort.ScriptException;
import dev.retort.internal.dialect.PostgresDialect;
import dev.retort.internal.dialect.Statement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;

/** Writes statements as a SQL script instead of running them ({@code --sql}). */
public final class ScriptSink implements SqlSink {
    private final Appendable out;
    private final PostgresDialect dialect;
    private boolean inTransaction;

    public ScriptSink(Appendable out, PostgresDialect dialect) {
        this.out = out;
        this.dialect = dialect;
    }

    @Override
    public void begin() {
        write(dialect.begin() + ";\n\n");
        inTransaction = true;
    }

    @Override
    public void commit() {
        write(dialect.commit() + ";\n\n");
        inTransaction = false;
    }

    @Override
    public void rollback() {
        inTransaction = false;
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void execute(Statement statement) {
        write(statement.sql() + ";\n\n");
    }

    @Override
    public void comment(String text) {
        for (String line : text.split("\n")) {
            write("-- " + line + "\n");
        }
        write("\n");
    }

    @Override
    public boolean online() {
        return false;
    }

    @Override
    public Connection connection() {
        throw new ScriptException("this migration reads the database (db/connection), which --sql mode does not have; "
                + "run it online, or keep reads out of migrations meant for --sql");
    }

    private void write(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
