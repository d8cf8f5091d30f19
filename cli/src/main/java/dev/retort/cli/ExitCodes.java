package dev.retort.cli;

import dev.retort.ConfigException;
import dev.retort.ConnectionException;
import dev.retort.LockTimeoutException;
import dev.retort.MigrationFailedException;
import dev.retort.ScriptException;
import dev.retort.UsageException;
import picocli.CommandLine;

/** The one place exceptions become exit codes and one-line messages (README.md, Commands). */
public final class ExitCodes implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int SCRIPT = 3;
    public static final int CONNECTION = 4;
    public static final int MIGRATION = 5;
    public static final int LOCK = 6;
    public static final int CHECK = 7;

    @Override
    public int getExitCode(Throwable e) {
        if (e instanceof UsageException || e instanceof ConfigException || e instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (e instanceof ScriptException) {
            return SCRIPT;
        }
        if (e instanceof ConnectionException) {
            return CONNECTION;
        }
        if (e instanceof MigrationFailedException) {
            return MIGRATION;
        }
        if (e instanceof LockTimeoutException) {
            return LOCK;
        }
        if (e instanceof dev.retort.CheckFailedException) {
            return CHECK;
        }
        return INTERNAL;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        Printer p = RetortCommand.printerOf(cmd);
        boolean verbose = RetortCommand.verbose(parseResult);
        int code = getExitCode(e);
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (code == INTERNAL) {
            message = "unexpected " + e.getClass().getSimpleName() + ": " + message
                    + (verbose ? "" : " (run with -v for the stack trace, and please report it)");
        }
        p.error(message);
        if (JsonErrors.requested(parseResult.originalArgs())) {
            JsonErrors.print(p, message, code, e);
        }
        if (verbose) {
            p.trace(e);
        }
        return code;
    }
}
