package dev.retort.internal.command;

import dev.retort.CheckFailedException;
import dev.retort.LintFinding;
import dev.retort.LintOnUpgrade;
import dev.retort.Revision;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.lint.Finding;
import dev.retort.internal.lint.Linter;
import dev.retort.spi.MigrationBody;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The lint rules over scripts: {@code retort lint}, and the pending revisions before an upgrade (see docs/lint.md). */
public final class Lint {
    private final CommandContext ctx;

    public Lint(CommandContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The findings for every revision in {@code range} (null: all), walking the whole graph in order so each
     * rule knows what earlier revisions built.
     */
    public List<LintFinding> range(String range, int pgVersion) {
        Set<String> wanted = range == null ? null
                : new HashSet<>(ctx.targets().range(range, Set.of()).stream().map(Revision::id).toList());
        return lint(ctx.graph().topological(), wanted, pgVersion, Map.of());
    }

    // only the pending revisions (earlier ones are not compiled on upgrade): a notice, or a refusal with lintOnUpgrade=refuse
    void beforeUpgrade(Plan plan, int pgVersion, Map<String, MigrationBody> bodies) {
        LintOnUpgrade mode = ctx.config().lintOnUpgrade();
        if (mode == LintOnUpgrade.OFF) {
            return;
        }
        List<LintFinding> errors = lint(plan.steps(), null, pgVersion, bodies).stream().filter(LintFinding::error).toList();
        if (errors.isEmpty()) {
            return;
        }
        LintFinding first = errors.get(0);
        String line = errors.size() + " lint error(s) in pending migrations, first " + first.file() + ":" + first.line() + " "
                + first.rule() + " (" + first.detail() + "); see 'retort lint'";
        if (mode == LintOnUpgrade.REFUSE) {
            throw new CheckFailedException("upgrade refused (lintOnUpgrade=refuse): " + line);
        }
        ctx.config().listener().notice(line);
    }

    private List<LintFinding> lint(List<Revision> revisions, Set<String> wanted, int pgVersion, Map<String, MigrationBody> compiled) {
        Linter linter = new Linter(pgVersion, ctx.config().lintLevels());
        List<LintFinding> out = new ArrayList<>();
        for (Revision r : revisions) {
            MigrationBody body = compiled.containsKey(r.id()) ? compiled.get(r.id()) : ctx.bodies().body(r);
            for (Finding f : linter.lint(r, body, ctx.sources().get(r.id()).text(), wanted == null || wanted.contains(r.id()))) {
                out.add(new LintFinding(f.revision(), f.file(), f.line(), f.rule().id(), f.error(), f.rule().message(),
                        f.rule().fix(), f.rule().docs(), f.detail()));
            }
        }
        return out;
    }
}
