package dev.retort.cli.command;

import dev.retort.Direction;
import dev.retort.MigrationStep;
import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.Revision;
import dev.retort.RunListener;
import dev.retort.cli.ConfigResolver;
import dev.retort.cli.GlobalOptions;
import dev.retort.cli.Printer;
import dev.retort.cli.RetortCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** What every command shares: global options, the printer, opening the facade. */
public abstract class BaseCommand implements Callable<Integer> {
    @ParentCommand
    protected RetortCommand root;

    @Mixin
    protected GlobalOptions local = new GlobalOptions();

    /** Global options given before or after the command name. */
    protected GlobalOptions globals() {
        return local.orElse(root.globals);
    }

    protected Printer printer() {
        return root.printer();
    }

    protected ConfigResolver resolver() {
        return new ConfigResolver(root.env(), root.envNames(), root.workingDir());
    }

    /** Loads the scripts with the layered configuration; progress goes to the printer. */
    protected Retort open() {
        return open(b -> b);
    }

    /** As {@link #open()}, with {@code change} applied to the layered settings first (e.g. another URL). */
    protected Retort open(java.util.function.UnaryOperator<RetortConfig.Builder> change) {
        GlobalOptions g = globals();
        ConfigResolver resolver = resolver();
        Printer p = printer();
        p.quiet(g.quiet());
        resolver.secrets(g).forEach(p::secret);
        RetortConfig config = change.apply(resolver.resolve(g)).listener(new PrintingListener(p, g.json(), g.verbose())).build();
        return Retort.load(config);
    }

    /** Prints a line per step and notices on stderr. */
    record PrintingListener(Printer p, boolean json, boolean verbose) implements RunListener {
        @Override
        public void detail(String message) {
            if (verbose) {
                p.notice(p.dim("retort: " + message));
            }
        }

        @Override
        public void stepFinished(MigrationStep step) {
            if (json) {
                return;
            }
            Revision r = step.revision();
            boolean up = step.direction() == Direction.UPGRADE;
            String arrow = up ? p.green("\u2191 upgrade  ") : p.yellow("\u2193 downgrade");
            p.info("  " + arrow + " " + p.bold(r.id()) + "  " + (r.message() == null ? "" : r.message())
                    + p.dim("  (" + Format.millis(step.duration().toMillis()) + ")"));
        }

        @Override
        public void progress(String line) {
            p.progress(p.dim("retort: " + line));
        }

        @Override
        public void notice(String message) {
            p.notice(p.dim("retort: " + message));
        }
    }
}
