package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code retort revision -m MSG}: a new script from the template, revising the current head. */
@Command(name = "revision", description = "Create a new migration script.")
public final class RevisionCommand extends BaseCommand {
    @Option(names = {"-m", "--message"}, required = true, description = "what the migration does")
    String message;

    @Option(names = "--head", description = "the revision to build on (default: the single head)")
    String head;

    @Option(names = "--rev-id", description = "the revision id to use instead of a random one")
    String revId;

    @Option(names = "--branch-label", description = "a label for a new branch")
    List<String> branchLabels;

    @Option(names = "--depends-on", description = "a revision this one depends on")
    List<String> dependsOn;

    @Override
    public Integer call() throws IOException {
        try (Retort retort = open()) {
            String id = revId != null ? revId : HexFormat.of().formatHex(randomBytes());
            if (!id.matches("[A-Za-z0-9_]{1,255}")) {
                throw new UsageException("--rev-id '" + id + "' is not a revision id (letters, digits, _)");
            }
            if (retort.revisions().stream().anyMatch(r -> r.id().equals(id))) {
                throw new ScriptException("revision '" + id + "' already exists; choose another --rev-id");
            }
            List<String> revises;
            if (head != null) {
                revises = head.equals("base") ? List.of() : List.of(retort.revision(head).id());
            } else if (retort.heads().size() > 1) {
                throw new ScriptException("several heads (" + String.join(", ", retort.heads().stream().map(Revision::id).toList())
                        + "); say which to build on with --head REV, or join them first with 'retort merge heads -m MSG'");
            } else {
                revises = retort.heads().stream().map(Revision::id).toList();
            }
            List<String> deps = dependsOn == null ? List.of() : dependsOn.stream().map(d -> retort.revision(d).id()).toList();
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            String location = retort.config().locations().get(0);
            if (location.startsWith("classpath:")) {
                throw new UsageException("revision: the first location is on the classpath; give a directory with -d DIR");
            }
            Path dir = retort.config().projectDir().resolve(location);
            Files.createDirectories(dir);
            Path template = dir.resolve("templates/revision.groovy.tmpl");
            String text = Files.exists(template) ? Files.readString(template) : InitCommand.resource("revision.groovy.tmpl");
            Map<String, String> values = new LinkedHashMap<>();
            values.put("revision", id);
            values.put("revises", String.join(", ", revises.stream().map(RevisionCommand::literal).toList()));
            values.put("message", message);
            values.put("created", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_INSTANT));
            values.put("header", header(id, revises, deps, values.get("created")));
            String script = fill(text, values);
            String name = now.format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmm")) + "_" + id + "_" + slug(message) + ".groovy";
            Path file = dir.resolve(name);
            Files.writeString(file, script);
            printer().line("Created " + retort.config().projectDir().relativize(file) + " (revision " + id
                    + (revises.isEmpty() ? ", a new base" : ", revises " + String.join(", ", revises)) + ")");
            return 0;
        }
    }

    private String header(String id, List<String> revises, List<String> deps, String created) {
        StringBuilder sb = new StringBuilder();
        sb.append("revision  ").append(literal(id)).append('\n');
        if (revises.isEmpty()) {
            sb.append("// a base revision: it revises nothing\n");
        } else {
            sb.append("revises   ").append(String.join(", ", revises.stream().map(RevisionCommand::literal).toList())).append('\n');
        }
        sb.append("message   ").append(literal(message)).append('\n');
        sb.append("created   ").append(literal(created));
        if (branchLabels != null && !branchLabels.isEmpty()) {
            sb.append("\nbranchLabels ").append(String.join(", ", branchLabels.stream().map(RevisionCommand::literal).toList()));
        }
        if (!deps.isEmpty()) {
            sb.append("\ndependsOn ").append(String.join(", ", deps.stream().map(RevisionCommand::literal).toList()));
        }
        return sb.toString();
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String slug(String message) {
        String s = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.length() > 40 ? s.substring(0, 40).replaceAll("_+$", "") : s.isEmpty() ? "migration" : s;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
