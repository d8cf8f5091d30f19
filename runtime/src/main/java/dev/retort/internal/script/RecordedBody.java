package dev.retort.internal.script;

import dev.retort.spi.MigrationContext;

import dev.retort.spi.MigrationBody;

import dev.retort.Direction;
import dev.retort.Revision;
import dev.retort.spi.Operation;

import java.io.Serializable;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A migration body as the operations it emits, recorded once from the compiled script. A script
 * whose steps do not depend on the server (it never reads the database, asks for an extension, or
 * asks whether it runs offline) always emits the same operations, so the recording can stand in for
 * the script: replayed for preflight, lint and the run, and kept in the plan cache so a later run does
 * not load Groovy at all.
 */
public final class RecordedBody implements MigrationBody, Serializable {
    private static final long serialVersionUID = 1L;

    /** One recorded step. */
    public sealed interface Event extends Serializable permits Emit, Block, Notice {
    }

    /** An operation and the script line it stands on (0: unknown). */
    public record Emit(Operation operation, int line) implements Event {
    }

    /** Steps inside an {@code autocommit { }} or a {@code safetyAssured { }} block. */
    public record Block(BlockKind kind, List<Event> events) implements Event {
    }

    /** Autocommit runs its steps outside the migration's transaction; safetyAssured says lint may pass them. */
    public enum BlockKind {
        AUTOCOMMIT,
        SAFETY_ASSURED
    }

    /** A notice to the user. */
    public record Notice(String message) implements Event {
    }

    private final List<Event> up;
    private final List<Event> down;
    private final boolean hasDowngrade;

    private RecordedBody(List<Event> up, List<Event> down, boolean hasDowngrade) {
        this.up = List.copyOf(up);
        this.down = List.copyOf(down);
        this.hasDowngrade = hasDowngrade;
    }

    /** Records both directions of {@code body}; null when its steps depend on the server. */
    public static RecordedBody record(Revision revision, MigrationBody body) {
        try {
            Recorder upgrade = new Recorder(revision, false);
            body.upgrade(upgrade);
            List<Event> down = List.of();
            if (body.hasDowngrade()) {
                Recorder downgrade = new Recorder(revision, false);
                body.downgrade(downgrade);
                down = downgrade.events();
            }
            return new RecordedBody(upgrade.events(), down, body.hasDowngrade());
        } catch (RuntimeException e) {
            if (isDynamic(e)) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void upgrade(MigrationContext context) {
        replay(up, context);
    }

    @Override
    public void downgrade(MigrationContext context) {
        replay(down, context);
    }

    @Override
    public boolean hasDowngrade() {
        return hasDowngrade;
    }

    private static void replay(List<Event> events, MigrationContext context) {
        for (Event e : events) {
            if (e instanceof Emit emit) {
                context.emit(emit.operation(), emit.line());
            } else if (e instanceof Notice n) {
                context.notice(n.message());
            } else if (e instanceof Block b) {
                Runnable inner = () -> replay(b.events(), context);
                switch (b.kind()) {
                    case AUTOCOMMIT -> context.autocommit(inner);
                    case SAFETY_ASSURED -> context.safetyAssured(inner);
                }
            }
        }
    }

    /**
     * One step of a body as a script sees it without a database, for preflight and lint.
     *
     * @param operation  the operation
     * @param line       the script line it stands on (0: unknown)
     * @param autocommit true inside {@code autocommit { }}
     * @param assured    true inside {@code safetyAssured { }}
     */
    public record Step(Operation operation, int line, boolean autocommit, boolean assured) {
    }

    /**
     * The steps of one direction of {@code body} as {@code --sql} would run it: {@link MigrationContext#offline()}
     * is true and every extension "available", as a script sees them; a read of the database (connection) ends
     * the walk, and the steps before it are returned. The one recorder that preflight and lint both walk.
     */
    public static List<Step> offlineSteps(Revision revision, MigrationBody body, Direction direction) {
        Recorder r = new Recorder(revision, true);
        try {
            if (direction == Direction.UPGRADE) {
                body.upgrade(r);
            } else {
                body.downgrade(r);
            }
        } catch (RuntimeException e) {
            if (!isDynamic(e)) {
                throw e;
            }
            // the body reads the database here: what came before is what a walk without one can see
        }
        List<Step> out = new ArrayList<>();
        flatten(r.events(), false, false, out);
        return out;
    }

    private static void flatten(List<Event> events, boolean autocommit, boolean assured, List<Step> out) {
        for (Event e : events) {
            if (e instanceof Emit emit) {
                out.add(new Step(emit.operation(), emit.line(), autocommit, assured));
            } else if (e instanceof Block b) {
                flatten(b.events(), autocommit || b.kind() == BlockKind.AUTOCOMMIT,
                        assured || b.kind() == BlockKind.SAFETY_ASSURED, out);
            }
        }
    }

    // the script language may wrap what its blocks throw
    private static boolean isDynamic(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Recorder.Dynamic) {
                return true;
            }
        }
        return false;
    }

    /** The line of the script named {@code baseName} that the current call stands on (0: none on the stack). */
    public static int lineOf(String baseName) {
        return dev.retort.spi.ScriptLine.current(baseName);
    }

    /**
     * Collects the events. Recording for replay, any question about the server makes the body dynamic; walking
     * as a script ({@code asScript}), offline() and extension() answer as {@code --sql} does and only a read stops.
     */
    private static final class Recorder implements MigrationContext {
        private final Revision revision;
        private final boolean asScript;
        private final String baseName;
        private final Deque<List<Event>> stack = new ArrayDeque<>();

        Recorder(Revision revision, boolean asScript) {
            this.revision = revision;
            this.asScript = asScript;
            String f = revision.file().replace('\\', '/');
            this.baseName = f.substring(f.lastIndexOf('/') + 1);
            stack.push(new ArrayList<>());
        }

        List<Event> events() {
            return stack.peekLast();
        }

        @Override
        public Revision revision() {
            return revision;
        }

        @Override
        public void emit(Operation operation) {
            stack.peek().add(new Emit(operation, line()));
        }

        @Override
        public void emit(Operation operation, int line) {
            stack.peek().add(new Emit(operation, line > 0 ? line : line())); // a replayed recording knows its line
        }

        private int line() {
            return lineOf(baseName);
        }

        @Override
        public void autocommit(Runnable body) {
            block(BlockKind.AUTOCOMMIT, body);
        }

        @Override
        public void safetyAssured(Runnable body) {
            block(BlockKind.SAFETY_ASSURED, body);
        }

        private void block(BlockKind kind, Runnable body) {
            stack.push(new ArrayList<>());
            try {
                body.run();
            } finally {
                List<Event> inner = stack.pop();
                stack.peek().add(new Block(kind, List.copyOf(inner)));
            }
        }

        @Override
        public Connection connection() {
            throw new Dynamic();
        }

        @Override
        public void notice(String message) {
            stack.peek().add(new Notice(message));
        }

        @Override
        public String extension(String name) {
            if (asScript) {
                return "available"; // as ScriptSink answers: the script states createExtension, its reader's server decides
            }
            throw new Dynamic();
        }

        @Override
        public boolean offline() {
            if (asScript) {
                return true;
            }
            throw new Dynamic();
        }

        /** Ends a recording: the body asked about the server. */
        static final class Dynamic extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Dynamic() {
                super("the script reads the server", null, false, false);
            }
        }
    }
}
