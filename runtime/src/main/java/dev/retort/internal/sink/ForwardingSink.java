package dev.retort.internal.sink;

import dev.retort.internal.dialect.Statement;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/** A sink that hands everything to another; a wrapper overrides only what it adds (the migration guard's checks). */
public abstract class ForwardingSink implements SqlSink {
    private final SqlSink inner;

    protected ForwardingSink(SqlSink inner) {
        this.inner = inner;
    }

    @Override
    public void begin() {
        inner.begin();
    }

    @Override
    public void commit() {
        inner.commit();
    }

    @Override
    public void rollback() {
        inner.rollback();
    }

    @Override
    public boolean inTransaction() {
        return inner.inTransaction();
    }

    @Override
    public void execute(Statement statement) {
        inner.execute(statement);
    }

    @Override
    public void executeAll(List<Statement> statements) {
        inner.executeAll(statements);
    }

    @Override
    public void comment(String text) {
        inner.comment(text);
    }

    @Override
    public boolean offline() {
        return inner.offline();
    }

    @Override
    public List<Object[]> query(String query) {
        return inner.query(query);
    }

    @Override
    public List<Object[]> queryWith(String sql, Object... parameters) {
        return inner.queryWith(sql, parameters);
    }

    @Override
    public List<Integer> executeCounting(List<Statement> statements) {
        return inner.executeCounting(statements);
    }

    @Override
    public Connection connection() {
        return inner.connection();
    }

    @Override
    public boolean keepsSession() {
        return inner.keepsSession();
    }

    @Override
    public boolean locks() {
        return inner.locks();
    }

    @Override
    public boolean holdsRunTransaction() {
        return inner.holdsRunTransaction();
    }

    @Override
    public boolean remembers() {
        return inner.remembers();
    }

    @Override
    public boolean batchesBackfills() {
        return inner.batchesBackfills();
    }

    @Override
    public boolean writesComments() {
        return inner.writesComments();
    }

    @Override
    public Duration elapsedSince(long startNanos) {
        return inner.elapsedSince(startNanos);
    }

    @Override
    public boolean probe(String query) {
        return inner.probe(query);
    }

    @Override
    public String extensionState(String stateQuery) {
        return inner.extensionState(stateQuery);
    }
}
