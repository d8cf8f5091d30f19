package dev.retort.cli.command;

import dev.retort.Drift;
import dev.retort.ModelComparison;
import dev.retort.Retort;
import dev.retort.cli.ConfigResolver;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.GlobalOptions;
import dev.retort.cli.ModelOptions;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code retort check}: exit 0 only when everything is in order (for CI and deploy gates). */
@Command(name = "check", description = {"Exit 0 only if the database is at its head(s), every script loads and no applied script was edited.",
        "With a schema model (schema.groovy), the migrations must also build that model.",
        "With --against URL: exit 0 only if that live database is what its migrations build (no change made by hand)."})
public final class CheckCommand extends BaseCommand {
    @Option(names = "--against", paramLabel = "URL", description = "a live database to compare with what the migrations build at its revision")
    String against;

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Override
    public Integer call() {
        if (against != null) {
            return drift();
        }
        try (Retort retort = open()) {
            List<String> problems = new ArrayList<>(retort.problems());
            String source = modelOptions.source(resolver(), globals());
            List<Path> model = source != null ? List.of(Path.of(source)) : modelOptions.files(retort.config().projectDir());
            if (!model.isEmpty() || modelOptions.given()) {
                printer().progress("comparing the migrations with the schema model on scratch databases...");
                ModelComparison diff = source != null
                        ? retort.models().compareSource(source, modelOptions.classpath(resolver(), globals(), retort.config().projectDir()),
                                modelOptions.scratchUrl, false, modelOptions.excluded(resolver(), globals()))
                        : retort.models().compare(model, modelOptions.scratchUrl, false, modelOptions.tables(resolver(), globals()));
                for (String d : diff.differences()) {
                    problems.add("model: " + d);
                }
            }
            Printer p = printer();
            if (globals().json()) {
                p.line("{\"ok\":" + problems.isEmpty() + ",\"problems\":" + Format.jsonList(problems) + "}");
            } else if (problems.isEmpty()) {
                p.line(p.green("ok") + ": " + retort.revisions().size() + " scripts load, the database is at the head(s), no applied script was edited"
                        + (model.isEmpty() ? "." : ", the migrations build the schema model."));
            } else {
                for (String problem : problems) {
                    p.line(p.red("problem") + ": " + problem);
                }
                p.line(problems.size() + " problem(s)." + (problems.stream().anyMatch(s -> s.startsWith("model: "))
                        ? " 'retort revision --autogenerate -m MSG' writes a migration for the model's differences." : ""));
            }
            return problems.isEmpty() ? 0 : ExitCodes.CHECK;
        }
    }

    private int drift() {
        GlobalOptions g = globals();
        Printer p = printer();
        String password = ConfigResolver.passwordIn(against);
        if (password != null) {
            p.secret(password);
        }
        try (Retort retort = open(b -> b.url(against))) {
            p.progress("building what the migrations make at the database's revision on a scratch database...");
            Drift drift = retort.models().drift(modelOptions.scratchUrl);
            String at = drift.revisions().isEmpty() ? "base" : String.join(", ", drift.revisions());
            if (g.json()) {
                p.line("{\"ok\":" + drift.differences().isEmpty() + ",\"revision\":" + Format.jsonList(drift.revisions())
                        + ",\"drift\":" + Format.jsonList(drift.differences()) + "}");
            } else if (drift.differences().isEmpty()) {
                p.line(p.green("ok") + ": " + retort.databaseDescription() + " is what the migrations build at " + at + ".");
            } else {
                p.line(p.red("drift") + ": " + retort.databaseDescription() + " differs from what the migrations build at " + at
                        + " (+ only in the database, - only in the migrations, ~ changed):");
                for (String d : drift.differences()) {
                    p.line("  " + d);
                }
                p.line(drift.differences().size() + " difference(s). Never change the schema by hand: write a migration "
                        + "('retort revision -m MSG'), or revert the change.");
            }
            return drift.differences().isEmpty() ? 0 : ExitCodes.CHECK;
        }
    }
}
