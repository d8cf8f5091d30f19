package dev.retort.cli.command;

import dev.retort.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** {@code retort init [DIR]}: a new project skeleton. */
@Command(name = "init", description = "Create a new migrations project in DIR (default: here).")
public final class InitCommand extends BaseCommand {
    @Parameters(index = "0", defaultValue = ".", paramLabel = "DIR", description = "the project directory; must be empty or new")
    Path dir;

    @picocli.CommandLine.Option(names = "--lang", paramLabel = "LANG", defaultValue = "groovy",
            description = "the language of the project's migrations: groovy (default) or kotlin")
    String lang;

    @Override
    public Integer call() throws IOException {
        Path target = root.workingDir().resolve(dir).normalize();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new UsageException("init: " + dir + " is a file; give a new or empty directory");
            }
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.anyMatch(e -> !e.getFileName().toString().equals(".git"))) {
                    throw new UsageException("init: " + dir + " is not empty; give a new or empty directory");
                }
            }
        }
        ScriptKind kind = ScriptKind.named(lang);
        Files.createDirectories(target.resolve("migrations/templates"));
        write(target.resolve("retort.properties"), resource("retort.properties")
                + (kind == ScriptKind.KOTLIN ? "\n# new scripts (revision, merge) are Kotlin: *.retort.kts\nscriptLanguage=kotlin\n" : ""));
        write(target.resolve("migrations/templates/" + kind.template()), resource(kind.template()));
        write(target.resolve(".gitignore"), ".retort/\n.env\n");
        printer().line("Created a Retort project in " + target);
        printer().line("  retort.properties                      settings (url, schema, ...); or use RETORT_URL / DATABASE_URL");
        printer().line("  migrations/                            your migration scripts");
        printer().line("  migrations/templates/" + kind.template() + "  the template 'retort revision' uses");
        printer().line("Next: retort revision -m \"create users\"   then   retort upgrade");
        return 0;
    }

    static String resource(String name) {
        try (var in = InitCommand.class.getResourceAsStream("/dev/retort/cli/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
