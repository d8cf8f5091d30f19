package dev.retort.internal.lint;

import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.spi.Operation;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.MigrationContext;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** Runs a script's upgrade block without a database and records each step with its line. */
final class LintRecorder implements MigrationContext {
    /** One recorded step. */
    record Step(Operation op, int line, boolean outside, boolean assured) {
    }

    private final Revision revision;
    private final String baseName;
    private final List<Step> steps = new ArrayList<>();
    private boolean outside;
    private boolean assured;

    private LintRecorder(Revision revision) {
        this.revision = revision;
        String f = revision.file().replace('\\', '/');
        this.baseName = f.substring(f.lastIndexOf('/') + 1);
    }

    static List<Step> record(Revision revision, MigrationBody body) {
        LintRecorder r = new LintRecorder(revision);
        try {
            body.upgrade(r);
        } catch (Stop stop) {
            // the script reads the database here: what came before is linted
        }
        return r.steps;
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public void emit(Operation operation) {
        steps.add(new Step(operation, line(), outside || !revision.transactional(), assured));
    }

    @Override
    public void emit(Operation operation, int line) {
        steps.add(new Step(operation, line > 0 ? line : line(), outside || !revision.transactional(), assured));
    }

    private int line() {
        return dev.retort.internal.script.RecordedBody.lineOf(baseName);
    }

    @Override
    public void autocommit(Runnable body) {
        boolean was = outside;
        outside = true;
        try {
            body.run();
        } finally {
            outside = was;
        }
    }

    @Override
    public void safetyAssured(Runnable body) {
        boolean was = assured;
        assured = true;
        try {
            body.run();
        } finally {
            assured = was;
        }
    }

    @Override
    public Connection connection() {
        throw new Stop();
    }

    @Override
    public void notice(String message) {
    }

    @Override
    public String extension(String name) {
        return "available"; // lint the full script, as --sql writes it
    }

    @Override
    public boolean offline() {
        return true;
    }

    static final class Stop extends RetortException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("lint stops at a database read");
        }
    }
}
