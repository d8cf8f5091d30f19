package dev.retort;

import dev.retort.internal.command.Autogenerate;
import dev.retort.internal.command.Baseline;
import dev.retort.internal.command.CommandContext;
import dev.retort.internal.command.DriftCheck;
import dev.retort.internal.command.ModelExport;

import java.nio.file.Path;
import java.util.List;

/**
 * The schema-model side of a {@link Retort}: comparing what the migrations build with a model (schema.groovy or a
 * model source such as JPA entities), writing models and baselines, and finding hand-made drift. Obtained from
 * {@link Retort#models()}; it shares that instance's scripts, database and lifetime. Every comparison builds both
 * sides on scratch databases and reads them back from pg_catalog, so PostgreSQL itself normalizes types and
 * defaults; the configured database is only ever read.
 */
public final class SchemaModels {
    private final CommandContext context;

    SchemaModels(CommandContext context) {
        this.context = context;
    }

    /**
     * Compares the schema the migrations build with the schema model in {@code modelFiles} (schema.groovy), on
     * {@code scratchUrl}'s server or a throwaway embedded one when null. With {@code generate}, the result also holds
     * the upgrade and downgrade that make the migrations build the model: guessed renames are applied first and the
     * rest diffed again, and the upgrade is tried on the scratch database; what it leaves different is listed as
     * unresolved.
     */
    public ModelComparison compare(List<Path> modelFiles, String scratchUrl, boolean generate) {
        return new Autogenerate(context).compare(modelFiles, scratchUrl, generate);
    }

    /**
     * As {@link #compare(List, String, boolean)} for a partial model: only the tables in {@code tables} are compared
     * (empty: all), and the model may reference tables it does not declare.
     */
    public ModelComparison compare(List<Path> modelFiles, String scratchUrl, boolean generate, List<String> tables) {
        return new Autogenerate(context).compare(modelFiles, scratchUrl, generate, tables);
    }

    /**
     * Compares what the migrations build with a model source, {@code model} as in {@code model=jpa:com.example.domain}
     * (retort-jpa must be on the classpath), its classes in {@code classpath} (folders or jars): the source builds the
     * schema into a scratch database with its own tooling. Differences name the entity class and field.
     */
    public ModelComparison compareSource(String model, List<Path> classpath, String scratchUrl, boolean generate) {
        return new Autogenerate(context).compareSource(model, classpath, scratchUrl, generate);
    }

    /**
     * As {@link #compareSource(String, List, String, boolean)}, leaving out the model's tables named in
     * {@code excludedTables}: objects the model source adds that the team does not manage.
     */
    public ModelComparison compareSource(String model, List<Path> classpath, String scratchUrl, boolean generate,
                                         List<String> excludedTables) {
        return new Autogenerate(context).compareSource(model, classpath, scratchUrl, generate, excludedTables);
    }

    /**
     * The upgrade body of a baseline: DSL operations and raw SQL that build this database's schema from empty,
     * applied first to a scratch database ({@code scratchUrl}'s server or a throwaway embedded one), whose snapshot
     * must equal this database's (else a {@link ScriptException} naming the difference).
     */
    public String baseline(String scratchUrl) {
        return baseline(scratchUrl, DslLanguage.GROOVY);
    }

    /** As {@link #baseline(String)}, written in {@code language}'s DSL. */
    public String baseline(String scratchUrl, DslLanguage language) {
        return new Baseline(context).write(scratchUrl, language);
    }

    /** A complete schema model (schema.groovy text) of this database's configured schema. */
    public String fromDatabase() {
        return new ModelExport(context).fromDatabase();
    }

    /** A complete schema model (schema.groovy text) of what the migrations build, on a scratch database. */
    public String fromMigrations(String scratchUrl) {
        return new ModelExport(context).fromMigrations(scratchUrl);
    }

    /**
     * Compares this (live) database with what the migrations build at the revision(s) it is at, on a scratch
     * database ({@code scratchUrl}'s server, or a throwaway embedded one): what was changed by hand.
     */
    public Drift drift(String scratchUrl) {
        return new DriftCheck(context).run(scratchUrl);
    }
}
