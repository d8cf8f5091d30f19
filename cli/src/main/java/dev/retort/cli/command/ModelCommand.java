package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.UsageException;
import dev.retort.cli.ConfigResolver;
import dev.retort.cli.Printer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code retort model --from-db [URL]} / {@code --from-migrations}: a complete schema.groovy from what exists. */
@Command(name = "model", description = {"Write a complete schema model (schema.groovy) from a database or from what the migrations build.",
        "--from-db reads the configured database (or URL) and changes nothing; --from-migrations builds the migrations on a scratch database."})
public final class ModelCommand extends BaseCommand {
    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--from-db", arity = "0..1", paramLabel = "URL", fallbackValue = "", description = "the live database (default the configured one)")
        String fromDb;

        @Option(names = "--from-migrations", description = "what the migrations build (every head)")
        boolean fromMigrations;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write (default schema.groovy in the project; - for stdout)")
    String output;

    @Option(names = "--force", description = "overwrite an existing file")
    boolean force;

    @Option(names = "--scratch-url", paramLabel = "URL", description = "with --from-migrations: a disposable server for the scratch database")
    String scratchUrl;

    @Override
    public Integer call() throws IOException {
        String url = source.fromDb == null || source.fromDb.isEmpty() ? null : source.fromDb;
        if (url != null) {
            String password = ConfigResolver.passwordIn(url);
            if (password != null) {
                printer().secret(password);
            }
        }
        try (Retort retort = url == null ? open() : open(b -> b.url(url))) {
            Path file = output == null ? retort.config().projectDir().resolve("schema.groovy")
                    : "-".equals(output) ? null : retort.config().projectDir().resolve(output);
            if (file != null && Files.exists(file) && !force) {
                throw new UsageException(retort.config().projectDir().relativize(file) + " exists; add --force to overwrite it, or -o FILE");
            }
            Printer p = printer();
            p.progress(source.fromMigrations ? "building the migrations on a scratch database..." : "reading " + retort.databaseDescription() + "...");
            String model = source.fromMigrations ? retort.models().fromMigrations(scratchUrl) : retort.models().fromDatabase();
            p.progress("");
            if (file == null) {
                p.block(model);
                return 0;
            }
            Files.writeString(file, model);
            p.line("Wrote " + retort.config().projectDir().relativize(file) + " (the model of "
                    + (source.fromMigrations ? "what the migrations build" : retort.databaseDescription()) + "); 'retort check' compares with it.");
            return 0;
        }
    }
}
