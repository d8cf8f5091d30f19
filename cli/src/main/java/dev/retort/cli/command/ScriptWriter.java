package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes a new script from the project's template (or the built-in one): revision and merge use it. */
final class ScriptWriter {
    private ScriptWriter() {
    }

    static String newId() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static Path write(Retort retort, String id, List<String> revises, String message, List<String> labels,
                      List<String> dependsOn) throws IOException {
        return write(retort, id, revises, message, labels, dependsOn, "", "", null);
    }

    /** The language a new script is written in: {@code --lang}, else the scriptLanguage setting. */
    static ScriptKind kind(Retort retort, String lang) {
        String name = lang != null ? lang : retort.config().scriptLanguage();
        return ScriptKind.named(name == null ? "groovy" : name);
    }

    /** As above, with the bodies of the upgrade and downgrade blocks (autogenerate). */
    static Path write(Retort retort, String id, List<String> revises, String message, List<String> labels,
                      List<String> dependsOn, String upgrade, String downgrade, String lang) throws IOException {
        ScriptKind kind = kind(retort, lang);
        if (message.chars().anyMatch(ch -> ch == '\n' || ch == '\r' || Character.isISOControl(ch) && ch != '\t')) {
            // the header reader takes a one-line literal: a line break would write a script that cannot load
            throw new UsageException("--message: give one line (it becomes the script's message header); "
                    + "put longer notes in a comment in the script");
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String location = retort.config().locations().get(0);
        if (location.startsWith("classpath:")) {
            throw new UsageException("the first script location is on the classpath; give a directory with -d DIR");
        }
        Path dir = retort.config().projectDir().resolve(location);
        Files.createDirectories(dir);
        Path template = dir.resolve("templates/" + kind.template());
        String text = Files.exists(template) ? Files.readString(template) : InitCommand.resource(kind.template());
        if (!upgrade.isEmpty() && !(text.contains("${upgrade}") && text.contains("${downgrade}"))) {
            text = InitCommand.resource(kind.template()); // a project template without the block placeholders
        }
        String created = now.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_INSTANT);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("revision", id);
        values.put("revises", String.join(", ", revises.stream().map(kind::literal).toList()));
        values.put("message", message);
        values.put("created", created);
        values.put("header", kind == ScriptKind.KOTLIN ? ScriptKind.kotlinHeader(id, revises, message, created, labels, dependsOn)
                : header(id, revises, message, created, labels, dependsOn));
        values.put("upgrade", upgrade);
        values.put("downgrade", downgrade);
        String name = now.format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmm")) + "_" + id + "_" + slug(message) + kind.ending();
        Path file = dir.resolve(name);
        Files.writeString(file, fill(text, values));
        return file;
    }

    private static String header(String id, List<String> revises, String message, String created, List<String> labels,
                                 List<String> deps) {
        StringBuilder sb = new StringBuilder();
        sb.append("revision  ").append(literal(id)).append('\n');
        if (revises.isEmpty()) {
            sb.append("// a base revision: it revises nothing\n");
        } else {
            sb.append("revises   ").append(String.join(", ", revises.stream().map(ScriptWriter::literal).toList())).append('\n');
        }
        sb.append("message   ").append(literal(message)).append('\n');
        sb.append("created   ").append(literal(created));
        if (!labels.isEmpty()) {
            sb.append("\nbranchLabels ").append(String.join(", ", labels.stream().map(ScriptWriter::literal).toList()));
        }
        if (!deps.isEmpty()) {
            sb.append("\ndependsOn ").append(String.join(", ", deps.stream().map(ScriptWriter::literal).toList()));
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
}
