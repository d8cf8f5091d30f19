package dev.retort.cli.command;

import dev.retort.ModelComparison;
import dev.retort.Retort;
import dev.retort.cli.ModelOptions;
import dev.retort.cli.Printer;
import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code retort revision -m MSG}: a new script from the template, revising the current head. */
@Command(name = "revision", description = "Create a new migration script.")
public final class RevisionCommand extends BaseCommand {
    @Option(names = {"-m", "--message"}, required = true, description = "what the migration does")
    String message;

    @Option(names = "--head", description = "the revision to build on (default: the single head); 'base' starts a new base")
    String head;

    @Option(names = "--splice", description = "allow --head to name a revision that is not a head (starts a branch)")
    boolean splice;

    @Option(names = "--rev-id", description = "the revision id to use instead of a random one")
    String revId;

    @Option(names = "--branch-label", description = "a label for the new revision's branch (repeatable)")
    List<String> branchLabels;

    @Option(names = "--depends-on", description = "a revision this one depends on (repeatable)")
    List<String> dependsOn;

    @Option(names = "--autogenerate", description = "generate the upgrade and downgrade from the difference between the migrations and the schema model")
    boolean autogenerate;

    @Option(names = "--allow-empty", description = "with --autogenerate: write an empty revision when nothing differs")
    boolean allowEmpty;

    @Option(names = "--baseline-from", paramLabel = "URL", description = {"write a new base revision that builds this live database's schema from empty "
            + "(DSL for tables, raw SQL for functions, views, triggers, sequences), proven on a scratch database first; the database is only read.",
            "Then 'retort --url URL stamp REV' marks that database as at it."})
    String baselineFrom;

    @Option(names = "--lang", paramLabel = "LANG", description = "groovy or kotlin (default: the scriptLanguage setting, else groovy)")
    String lang;

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    private int baseline() throws IOException {
        if (autogenerate || head != null) {
            throw new UsageException("--baseline-from writes a new base revision; leave out --autogenerate and --head");
        }
        String password = dev.retort.cli.ConfigResolver.passwordIn(baselineFrom);
        if (password != null) {
            printer().secret(password);
        }
        try (Retort retort = open(b -> b.url(baselineFrom))) {
            if (!retort.revisions().isEmpty()) {
                throw new ScriptException("the project already has " + retort.revisions().size() + " revision(s); a baseline starts "
                        + "a project with none (move the old scripts away, or give another -d folder)");
            }
            String id = revId != null ? revId : ScriptWriter.newId();
            if (!id.matches("[A-Za-z0-9_]{1,255}")) {
                throw new UsageException("--rev-id '" + id + "' is not a revision id (letters, digits, _)");
            }
            printer().progress("reading " + retort.databaseDescription() + " and rebuilding it on a scratch database...");
            String upgrade = retort.models().baseline(modelOptions.scratchUrl, ScriptWriter.kind(retort, lang).dsl());
            printer().progress("");
            Path file = ScriptWriter.write(retort, id, List.of(), message, branchLabels == null ? List.of() : branchLabels, List.of(),
                    upgrade, "", lang);
            printer().line("Created " + retort.config().projectDir().relativize(file) + " (revision " + id + ", a new base: the baseline of "
                    + retort.databaseDescription() + ", checked on a scratch database)");
            printer().line("Next: 'retort --url URL stamp " + id + "' marks that database as at it.");
            return 0;
        }
    }

    @Override
    public Integer call() throws IOException {
        if (baselineFrom != null) {
            return baseline();
        }
        if (allowEmpty && !autogenerate) {
            throw new UsageException("--allow-empty goes with --autogenerate");
        }
        try (Retort retort = open()) {
            ScriptKind kind = ScriptWriter.kind(retort, lang);
            String id = revId != null ? revId : ScriptWriter.newId();
            if (!id.matches("[A-Za-z0-9_]{1,255}")) {
                throw new UsageException("--rev-id '" + id + "' is not a revision id (letters, digits, _)");
            }
            if (retort.revisions().stream().anyMatch(r -> r.id().equals(id))) {
                throw new ScriptException("revision '" + id + "' already exists; choose another --rev-id");
            }
            List<String> revises;
            if (head != null) {
                if (head.equals("base")) {
                    revises = List.of();
                } else {
                    Revision parent = retort.revision(head);
                    if (!retort.graph().childrenOf(parent.id()).isEmpty() && !splice) {
                        throw new ScriptException("revision " + parent.id() + " is not a head (" + String.join(", ",
                                retort.graph().childrenOf(parent.id())) + " revise it); add --splice to start a branch from it");
                    }
                    revises = List.of(parent.id());
                }
            } else if (retort.heads().size() > 1) {
                throw new ScriptException("several heads (" + String.join(", ", retort.heads().stream().map(Revision::id).toList())
                        + "); say which to build on with --head REV (or LABEL@head), or join them with 'retort merge heads -m MSG'");
            } else {
                revises = retort.heads().stream().map(Revision::id).toList();
            }
            List<String> deps = dependsOn == null ? List.of() : dependsOn.stream().map(d -> retort.revision(d).id()).toList();
            String upgrade = "";
            String downgrade = "";
            if (autogenerate) {
                Printer p = printer();
                p.progress("comparing the migrations with the schema model on scratch databases...");
                String source = modelOptions.source(resolver(), globals());
                ModelComparison diff = source != null
                        ? retort.models().compareSource(source, modelOptions.classpath(resolver(), globals(), retort.config().projectDir()),
                                modelOptions.scratchUrl, true, modelOptions.excluded(resolver(), globals()))
                        : retort.models().compare(modelOptions.files(retort.config().projectDir()),
                                modelOptions.scratchUrl, true, modelOptions.tables(resolver(), globals()));
                p.progress("");
                if (diff.isEmpty() && !allowEmpty) {
                    p.line("No changes: the migrations build the schema model; no file written (add --allow-empty for an empty revision).");
                    return 0;
                }
                for (String d : diff.differences()) {
                    p.line("  " + p.bold("detected") + " " + d);
                }
                for (String r : diff.reviews()) {
                    p.line("  " + p.yellow("review") + "   " + r);
                }
                for (String u : diff.unresolved()) {
                    p.line("  " + p.red("manual") + "   " + u);
                }
                if (!diff.unresolved().isEmpty()) {
                    p.notice("Retort tried the script on a scratch database: the 'manual' lines above are left for you to write.");
                }
                upgrade = diff.upgrade(kind.dsl());
                downgrade = diff.downgrade(kind.dsl());
            }
            Path file = ScriptWriter.write(retort, id, revises, message, branchLabels == null ? List.of() : branchLabels, deps,
                    upgrade, downgrade, lang);
            printer().line("Created " + retort.config().projectDir().relativize(file) + " (revision " + id
                    + (revises.isEmpty() ? ", a new base" : ", revises " + String.join(", ", revises)) + ")");
            return 0;
        }
    }
}
