package dev.retort.cli;

import dev.retort.cli.command.BranchesCommand;
import dev.retort.cli.command.CheckCommand;
import dev.retort.cli.command.ModelCommand;
import dev.retort.cli.command.CurrentCommand;
import dev.retort.cli.command.GraphCommand;
import dev.retort.cli.command.MergeCommand;
import dev.retort.cli.command.StampCommand;
import dev.retort.cli.command.ImportCommand;
import dev.retort.cli.command.StatusCommand;
import dev.retort.cli.command.DowngradeCommand;
import dev.retort.cli.command.HeadsCommand;
import dev.retort.cli.command.HistoryCommand;
import dev.retort.cli.command.InitCommand;
import dev.retort.cli.command.LintCommand;
import dev.retort.cli.command.RevisionCommand;
import dev.retort.cli.command.ShowCommand;
import dev.retort.cli.command.UpgradeCommand;
import dev.retort.cli.command.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** {@code retort [global options] COMMAND [options]}. */
@Command(name = "retort", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Database migrations for PostgreSQL, written in Groovy.",
        subcommands = {InitCommand.class, RevisionCommand.class, UpgradeCommand.class, DowngradeCommand.class,
                CurrentCommand.class, HistoryCommand.class, HeadsCommand.class, BranchesCommand.class, ShowCommand.class,
                StampCommand.class, ImportCommand.class, MergeCommand.class, StatusCommand.class, CheckCommand.class, LintCommand.class, VerifyCommand.class, GraphCommand.class, ModelCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 bad usage, 3 script or graph error, 4 cannot connect,",
                "5 migration failed, 6 lock timeout, 7 check found problems."})
public final class RetortCommand implements Runnable {
    @Mixin
    public GlobalOptions globals = new GlobalOptions();

    Function<String, String> env = System::getenv;
    java.util.function.Supplier<java.util.Collection<String>> envNames = java.util.List::of;
    Path workingDir = Path.of("").toAbsolutePath();
    Printer printer;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line as {@code main} runs it. */
    public static CommandLine commandLine() {
        CommandLine cl = commandLine(System::getenv, Path.of("").toAbsolutePath(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), Printer.terminalColour());
        ((RetortCommand) cl.getCommand()).envNames = () -> System.getenv().keySet();
        return cl;
    }

    /** A command line with its environment, directory and output given (for tests and embedding). */
    public static CommandLine commandLine(Function<String, String> env, Path workingDir, PrintWriter out, PrintWriter err,
                                          boolean colour) {
        RetortCommand root = new RetortCommand();
        root.env = env;
        root.workingDir = workingDir;
        CommandLine cl = new CommandLine(root);
        // -h/--help (and -V/--version) after every command, as after 'retort' itself
        cl.getSubcommands().values().stream().filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
        cl.setOut(out);
        cl.setErr(err);
        ExitCodes codes = new ExitCodes();
        cl.setExecutionExceptionHandler(codes);
        cl.setExitCodeExceptionMapper(codes);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            Printer p = new Printer(c.getOut(), c.getErr(), colour, false);
            String line = SecretMask.patterns(ex.getMessage()) + "; see 'retort " + (c == cl ? "" : c.getCommandName() + " ") + "--help'";
            p.error(line);
            if (JsonErrors.requested(java.util.Arrays.asList(args))) {
                JsonErrors.print(p, line, ExitCodes.USAGE, ex);
            }
            return ExitCodes.USAGE;
        });
        root.printer = new Printer(out, err, colour, false);
        return cl;
    }

    /** Convenience for tests: a map as the environment. */
    public static CommandLine commandLine(Map<String, String> env, Path workingDir, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(env::get, workingDir, out, err, false);
        ((RetortCommand) cl.getCommand()).envNames = env::keySet;
        return cl;
    }

    static Printer printerOf(CommandLine cmd) {
        CommandLine c = cmd;
        while (c.getParent() != null) {
            c = c.getParent();
        }
        RetortCommand root = c.getCommand();
        return root.printer;
    }

    static boolean verbose(CommandLine.ParseResult result) {
        return matched(result, "-v");
    }

    /** True when {@code option} was given before or after the command name. */
    static boolean matched(CommandLine.ParseResult result, String option) {
        CommandLine.ParseResult r = result;
        while (r != null) {
            if (r.hasMatchedOption(option)) {
                return true;
            }
            r = r.subcommand();
        }
        return false;
    }

    public Function<String, String> env() {
        return env;
    }

    /** The names of the environment's variables. */
    public java.util.function.Supplier<java.util.Collection<String>> envNames() {
        return envNames;
    }

    public Path workingDir() {
        return workingDir;
    }

    public Printer printer() {
        return printer;
    }
}
