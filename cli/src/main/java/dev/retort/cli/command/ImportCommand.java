package dev.retort.cli.command;

import dev.retort.RetortConfig;
import dev.retort.ScriptException;
import dev.retort.UsageException;
import dev.retort.importer.AlembicImport;
import dev.retort.spi.ScriptSource;
import dev.retort.sql.SqlScriptLanguage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code retort import flyway DIR} and {@code retort import alembic DIR}: take over another tool's migrations. */
@Command(name = "import", description = "Take over the migrations of another tool (flyway or alembic).")
public final class ImportCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "TOOL", description = "flyway or alembic")
    String tool;

    @Parameters(index = "1", paramLabel = "DIR", description = "flyway: the folder of V/U/R files; alembic: the folder with env.py and versions/")
    Path dir;

    @Override
    public Integer call() throws IOException {
        RetortConfig config = resolver().resolve(globals()).build();
        Path project = config.projectDir();
        Path from = root.workingDir().resolve(dir).normalize();
        if (!Files.isDirectory(from)) {
            throw new UsageException("import " + tool + ": " + dir + " is not a directory");
        }
        String location = config.locations().get(0);
        if (location.startsWith("classpath:")) {
            throw new UsageException("import " + tool + ": the first script location is " + location + "; give a folder with -d DIR");
        }
        Path target = project.resolve(location).normalize();
        return switch (tool) {
            case "flyway" -> flyway(from, target, project);
            case "alembic" -> alembic(from, target);
            default -> throw new UsageException("import: unknown tool '" + tool + "'; use flyway or alembic");
        };
    }

    private int alembic(Path from, Path target) {
        AlembicImport.Result r = AlembicImport.run(from, target);
        printer().line("Imported " + r.written().size() + " Alembic revisions into " + target + " (ids kept; nothing was run).");
        if (r.todos().isEmpty()) {
            printer().line("Every statement was translated.");
        } else {
            printer().line(r.todos().size() + " TODO(import) line(s): statements not translated (kept as commented originals)"
                    + " or parts of them left out:");
            r.todos().forEach(t -> printer().line("  TODO(import) " + t));
        }
        printer().line("Next: review the scripts, run 'retort verify', then 'retort stamp --from-alembic' on each database Alembic migrated.");
        return 0;
    }

    // Flyway's files are read as they are: the import copies them only when they are not in a script location yet
    private int flyway(Path from, Path target, Path project) throws IOException {
        List<ScriptSource> sql = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                String text = Files.readString(f);
                if (!name.endsWith(".sql")) {
                    unsupported.add(from.relativize(f) + ": not an SQL file (Java migrations and .conf files are not read)");
                } else if (name.matches("(before|after)[A-Za-z]*\\.sql|(before|after)[A-Za-z]*__.*\\.sql")) {
                    unsupported.add(from.relativize(f) + ": a Flyway callback; Retort has no callbacks, run it by hand or as a migration");
                } else {
                    if (text.matches("(?s).*\\$\\{[^}]+}.*")) {
                        unsupported.add(from.relativize(f) + ": uses a Flyway placeholder ${...}; Retort runs it as written, so replace it first");
                    }
                    sql.add(new ScriptSource(f, from.relativize(f).toString(), text));
                }
            }
        }
        new SqlScriptLanguage().readHeaders(sql); // a version used twice, a file neither headed nor Flyway-named: nothing written
        boolean inPlace = from.startsWith(target) || from.equals(target);
        List<Path> copied = new ArrayList<>();
        if (!inPlace) {
            for (ScriptSource s : sql) {
                Path dest = target.resolve(s.displayName());
                if (Files.exists(dest) && !Files.readString(dest).equals(s.text())) {
                    throw new ScriptException("import flyway: " + project.relativize(dest) + " exists with other text; nothing was written");
                }
            }
            for (ScriptSource s : sql) {
                Path dest = target.resolve(s.displayName());
                Files.createDirectories(dest.getParent());
                if (!Files.exists(dest)) {
                    Files.writeString(dest, s.text());
                    copied.add(dest);
                }
            }
        }
        printer().line(inPlace ? "The " + sql.size() + " Flyway files are in the script location already: Retort reads them as they are, nothing written."
                : "Copied " + copied.size() + " Flyway files into " + target + " unchanged (Retort reads Flyway's names).");
        unsupported.forEach(u -> printer().line("  not converted: " + u));
        printer().line("Next: 'retort history' shows the chain; 'retort stamp --from-flyway' on each database Flyway migrated.");
        return 0;
    }
}
