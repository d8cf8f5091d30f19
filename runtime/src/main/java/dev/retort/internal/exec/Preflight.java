package dev.retort.internal.exec;

import dev.retort.Direction;
import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.internal.dialect.PostgresDialect;
import dev.retort.spi.Operation;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.MigrationContext;

import java.sql.Connection;

/**
 * Runs a body once without a database, rendering every operation, so that an unknown operation, a
 * bad option or a bad identifier in the fifth script stops the run before the first one touches the
 * database. A body that reads the database is checked up to that read.
 */
public final class Preflight implements MigrationContext {
    private final Revision revision;
    private final PostgresDialect dialect;

    private Preflight(Revision revision, PostgresDialect dialect) {
        this.revision = revision;
        this.dialect = dialect;
    }

    /** Checks one body in one direction; throws the script's error, if any. */
    public static void check(Revision revision, MigrationBody body, Direction direction, PostgresDialect dialect) {
        Preflight ctx = new Preflight(revision, dialect);
        try {
            if (direction == Direction.UPGRADE) {
                body.upgrade(ctx);
            } else {
                body.downgrade(ctx);
            }
        } catch (Stop stop) {
            // the body reads the database: what came before the read was checked
        }
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public void emit(Operation operation) {
        dialect.render(operation);
    }

    @Override
    public void emit(Operation operation, int line) {
        try {
            dialect.render(operation);
        } catch (dev.retort.ScriptException e) {
            // a recorded body: name the line, as the script itself would have
            String file = revision.file();
            if (e.getMessage() != null && e.getMessage().startsWith(file)) {
                throw e;
            }
            throw new dev.retort.ScriptException(file + (line > 0 ? ":" + line : "") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void autocommit(Runnable body) {
        body.run();
    }

    @Override
    public void notice(String message) {
        // checked, not shown
    }

    @Override
    public String extension(String name) {
        throw new Stop(); // the answer needs the database
    }

    @Override
    public Connection connection() {
        throw new Stop();
    }

    @Override
    public boolean offline() {
        return false;
    }

    /** Ends a preflight at the first database read. */
    static final class Stop extends RetortException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("preflight stops at a database read");
        }
    }
}
