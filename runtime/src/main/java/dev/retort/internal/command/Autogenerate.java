package dev.retort.internal.command;

import dev.retort.DslLanguage;
import dev.retort.ModelComparison;
import dev.retort.SchemaSnapshot;
import dev.retort.ScriptException;
import dev.retort.UsageException;
import dev.retort.internal.autogen.Catalog;
import dev.retort.internal.autogen.CatalogReader;
import dev.retort.internal.autogen.Change;
import dev.retort.internal.autogen.DslWriter;
import dev.retort.internal.autogen.ModelOrigins;
import dev.retort.internal.autogen.ModelSchema;
import dev.retort.internal.autogen.ModelScope;
import dev.retort.internal.autogen.ModelSources;
import dev.retort.internal.autogen.SchemaDiff;
import dev.retort.internal.config.DatabaseUrl;
import dev.retort.internal.db.ScratchServer;
import dev.retort.internal.dialect.CatalogQueries;
import dev.retort.internal.sink.JdbcSink;
import dev.retort.spi.ModelSource;
import dev.retort.spi.Operation;
import dev.retort.spi.SqlFailure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The migrations against the schema model (schema.groovy): both built on scratch databases and read back
 * from pg_catalog, so PostgreSQL itself normalizes types and defaults; on request, the upgrade and
 * downgrade that close the gap, tried on the scratch database.
 */
public final class Autogenerate {
    private static final String SCRATCH = "lost the connection to a scratch database";
    private final CommandContext ctx;

    public Autogenerate(CommandContext ctx) {
        this.ctx = ctx;
    }

    public ModelComparison compare(List<Path> modelFiles, String scratchUrl, boolean generate) {
        return compare(modelFiles, scratchUrl, generate, List.of());
    }

    /** As {@link #compare(List, String, boolean)}; a non-empty {@code scope} compares only those tables (a partial model). */
    public ModelComparison compare(List<Path> modelFiles, String scratchUrl, boolean generate, List<String> scope) {
        ModelScope partial = scope == null || scope.isEmpty() ? null : new ModelScope(new java.util.LinkedHashSet<>(scope));
        if (modelFiles.isEmpty()) {
            throw new UsageException("no schema model: write schema.groovy in " + ctx.config().projectDir()
                    + " (see docs/autogenerate.md), or give its path with --model");
        }
        for (Path f : modelFiles) {
            if (!Files.isRegularFile(f)) {
                throw new UsageException("the schema model " + f + " does not exist; write it (see docs/autogenerate.md) or fix --model");
            }
        }
        String modelName = modelFiles.size() == 1 ? String.valueOf(modelFiles.get(0).getFileName()) : "the schema model";
        try (ScratchServer server = ScratchServer.open(scratchUrl)) {
            DatabaseUrl migrationsUrl = server.createDatabase("scratch_migrations");
            DatabaseUrl modelUrl = server.createDatabase("scratch_model");
            if (partial != null) {
                ScratchMigrations.upgrade(ctx, modelUrl, null);
            }
            SqlCall.wrap(SCRATCH, () -> {
                try (Connection built = ScratchServer.connect(modelUrl)) {
                    List<Operation> model = ctx.language().loadModel(modelFiles, name -> available(built, name));
                    if (partial != null) {
                        List<String> outside = partial.undeclared(model);
                        if (!outside.isEmpty()) {
                            throw new UsageException(modelName + " declares table(s) " + String.join(", ", outside)
                                    + " outside model.tables=" + String.join(",", scope) + "; add them to model.tables or remove them from the model");
                        }
                        apply(built, List.of(new Change(Change.Stage.DROP_TABLES, "taking the model's tables out",
                                partial.clearing(), List.of(), null, false)));
                        model = partial.modelOnTop(model, read(built));
                    }
                    ModelSchema.build(model, built, ctx.dialect(), modelName);
                    return null;
                }
            });
            ScratchMigrations.upgrade(ctx, migrationsUrl, null);
            return SqlCall.wrap(SCRATCH, () -> {
                try (Connection a = ScratchServer.connect(migrationsUrl); Connection b = ScratchServer.connect(modelUrl)) {
                    return compare(a, read(b), generate, partial);
                }
            });
        }
    }

    /**
     * The migrations against a model source ({@code model=jpa:PACKAGE}): the source builds its schema into a
     * scratch database with its own tooling, and the rest is as for schema.groovy; each difference names the
     * entity and field it came from.
     */
    public ModelComparison compareSource(String model, List<Path> classpath, String scratchUrl, boolean generate) {
        return compareSource(model, classpath, scratchUrl, generate, List.of());
    }

    /** As {@link #compareSource(String, List, String, boolean)}, leaving the model's {@code excluded} tables out of the comparison. */
    public ModelComparison compareSource(String model, List<Path> classpath, String scratchUrl, boolean generate, List<String> excluded) {
        int colon = model.indexOf(':');
        ModelSource source = ModelSources.find(model.substring(0, colon));
        try (ScratchServer server = ScratchServer.open(scratchUrl)) {
            DatabaseUrl migrationsUrl = server.createDatabase("scratch_migrations");
            DatabaseUrl modelUrl = server.createDatabase("scratch_model");
            java.util.Map<String, String> origins = source.build(model.substring(colon + 1), classpath,
                    new ModelSource.Target(modelUrl.jdbcUrl(), modelUrl.user(), modelUrl.password(), ctx.config().schema()));
            ScratchMigrations.upgrade(ctx, migrationsUrl, null);
            ModelComparison found = SqlCall.wrap(SCRATCH, () -> {
                try (Connection a = ScratchServer.connect(migrationsUrl); Connection b = ScratchServer.connect(modelUrl)) {
                    Catalog built = read(b);
                    return compare(a, excluded == null || excluded.isEmpty() ? built
                            : ModelScope.without(built, new java.util.LinkedHashSet<>(excluded)), generate, null);
                }
            });
            return new ModelComparison(ModelOrigins.annotate(found.differences(), origins), found.upgrades(), found.downgrades(),
                    found.reviews(), found.unresolved());
        }
    }

    private Catalog read(Connection c) {
        return CatalogReader.read(c, ctx.config().schema(), ctx.ownTables());
    }

    private static List<Change> diff(Catalog built, Catalog wanted) {
        return SchemaDiff.between(built, wanted, "the migrations", "the model");
    }

    // a: the migrations' scratch database, changed in place when generating
    private ModelComparison compare(Connection a, Catalog model, boolean generate, ModelScope partial) {
        Catalog wanted = partial == null ? model : partial.restrict(model);
        java.util.function.Function<Connection, Catalog> built = partial == null ? this::read : c -> partial.restrict(read(c));
        List<Change> changes = diff(built.apply(a), wanted);
        // the second half of a drop-and-re-create pair says nothing new
        List<String> differences = changes.stream().map(Change::description).filter(d -> !d.endsWith(" re-created")).toList();
        if (!generate || changes.isEmpty()) {
            return new ModelComparison(differences, Map.of(), Map.of(), List.of(), List.of());
        }
        SchemaSnapshot start = SchemaSnapshot.take(a, ctx.ownTables());
        // renames first, on the scratch database, so the rest is diffed against the renamed schema
        List<Change> plan = new ArrayList<>(changes.stream().filter(Change::guessedRename).toList());
        if (plan.isEmpty()) {
            plan = changes;
            apply(a, plan);
        } else {
            apply(a, plan);
            List<Change> rest = diff(built.apply(a), wanted);
            apply(a, rest);
            plan.addAll(rest);
        }
        List<String> unresolved = new ArrayList<>(diff(built.apply(a), wanted).stream().map(Change::description).toList());
        // and the downgrade, last change first: it must give back the schema the migrations built
        List<Change> reverse = new ArrayList<>();
        for (int i = plan.size() - 1; i >= 0; i--) {
            Change c = plan.get(i);
            reverse.add(new Change(c.stage(), "the downgrade of " + c.description(), c.down(), c.up(), c.review(), c.guessedRename()));
        }
        apply(a, reverse);
        for (String line : start.diff(SchemaSnapshot.take(a, ctx.ownTables()))) {
            unresolved.add("the generated downgrade does not restore " + line);
        }
        List<String> reviews = plan.stream().map(Change::review).filter(Objects::nonNull).toList();
        // both languages: writing text is cheap next to the scratch databases, and the caller picks one
        Map<DslLanguage, String> upgrades = new EnumMap<>(DslLanguage.class);
        Map<DslLanguage, String> downgrades = new EnumMap<>(DslLanguage.class);
        for (DslLanguage language : DslLanguage.values()) {
            upgrades.put(language, DslWriter.upgrade(plan, language));
            downgrades.put(language, DslWriter.downgrade(plan, language));
        }
        return new ModelComparison(differences, upgrades, downgrades, reviews, unresolved);
    }

    // runs each change's upgrade on a scratch database; a failure is the generated script's, named with the change
    private void apply(Connection c, List<Change> changes) {
        ScratchApply.upgrades(new JdbcSink(c), ctx.dialect(), changes, (change, s, e) -> new ScriptException(
                "the generated upgrade fails on a scratch database at '" + change.description() + "': "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e));
    }

    // the question a migration's extensionAvailable() asks, on the model's scratch database
    private boolean available(Connection c, String extension) {
        try {
            return !new JdbcSink(c).query(CatalogQueries.extensionState(extension)).isEmpty();
        } catch (SqlFailure e) {
            throw SqlCall.failure("cannot ask the scratch database for extension " + extension, (SQLException) e.getCause());
        }
    }
}
