package dev.retort.internal.command;

import dev.retort.CheckFailedException;
import dev.retort.LintFinding;
import dev.retort.LintOnUpgrade;
import dev.retort.Revision;
import dev.retort.internal.autogen.CatalogReader;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.lint.Finding;
import dev.retort.internal.lint.Linter;
import dev.retort.internal.lint.TableSizes;
import dev.retort.spi.MigrationBody;

import java.sql.Connection;
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
     * rule knows what earlier revisions built. No database: table sizes are unknown.
     */
    public List<LintFinding> range(String range, int pgVersion) {
        return lint(ctx.graph().topological(), wanted(range), pgVersion, Map.of(), TableSizes.unknown());
    }

    /**
     * As {@link #range}, on the configured database: each table's size weighs its findings; the rules assume
     * {@code pgVersion}, or the server's version when null.
     */
    public List<LintFinding> rangeOnDatabase(String range, Integer pgVersion) {
        Set<String> wanted = wanted(range);
        return ctx.onDatabase("lost the connection to", c -> lint(ctx.graph().topological(), wanted,
                pgVersion != null ? pgVersion : c.getMetaData().getDatabaseMajorVersion(), Map.of(), sizes(c)));
    }

    private Set<String> wanted(String range) {
        return range == null ? null : new HashSet<>(ctx.targets().range(range, Set.of()).stream().map(Revision::id).toList());
    }

    private TableSizes sizes(Connection c) {
        Settings s = ctx.config();
        // counting one row past the small-table limit is enough to know a never-analyzed table is not small
        return TableSizes.of(CatalogReader.tableSizes(c, s.lintSmallTable().rows() + 1), s.lintSmallTable(), s.lintLargeTable());
    }

    /**
     * Only the pending revisions (earlier ones are not compiled on upgrade), weighed by the sizes of the tables on
     * {@code c}: an error refuses the upgrade (exit 7; with lintOnUpgrade=warning, one notice line); warnings and
     * info are detail lines (-v).
     */
    void beforeUpgrade(Plan plan, int pgVersion, Map<String, MigrationBody> bodies, Connection c) {
        LintOnUpgrade mode = ctx.config().lintOnUpgrade();
        if (mode == LintOnUpgrade.OFF) {
            return;
        }
        List<LintFinding> all = lint(plan.steps(), null, pgVersion, bodies, sizes(c));
        for (LintFinding f : all) {
            if (!f.error()) {
                ctx.config().listener().detail("lint " + f.level().word() + ": " + f.file() + ":" + f.line() + " " + f.rule()
                        + " (" + f.detail() + (f.size() == null ? "" : "; " + f.size()) + ")");
            }
        }
        List<LintFinding> errors = all.stream().filter(LintFinding::error).toList();
        if (errors.isEmpty()) {
            return;
        }
        LintFinding first = errors.get(0);
        String line = errors.size() + " lint error(s) in pending migrations, first " + first.file() + ":" + first.line() + " "
                + first.rule() + " (" + first.detail() + (first.size() == null ? "" : "; " + first.size()) + "); fix: "
                + first.fix() + "; see 'retort lint'";
        if (mode == LintOnUpgrade.REFUSE) {
            throw new CheckFailedException("upgrade refused (lintOnUpgrade=refuse): " + line
                    + " (vouch for a step with safetyAssured { } or '// retort:lint-ignore " + first.rule() + " REASON')");
        }
        ctx.config().listener().notice(line);
    }

    private List<LintFinding> lint(List<Revision> revisions, Set<String> wanted, int pgVersion, Map<String, MigrationBody> compiled,
                                   TableSizes sizes) {
        Linter linter = new Linter(pgVersion, ctx.config().lintLevels(), sizes);
        List<LintFinding> out = new ArrayList<>();
        for (Revision r : revisions) {
            MigrationBody body = compiled.containsKey(r.id()) ? compiled.get(r.id()) : ctx.bodies().body(r);
            for (Finding f : linter.lint(r, body, ctx.sources().get(r.id()).text(), wanted == null || wanted.contains(r.id()))) {
                out.add(new LintFinding(f.revision(), f.file(), f.line(), f.rule().id(), f.level(), f.rule().message(),
                        f.rule().fix(), f.rule().docs(), f.detail(), f.size()));
            }
        }
        return out;
    }
}
