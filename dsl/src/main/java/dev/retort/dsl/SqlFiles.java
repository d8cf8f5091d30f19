package dev.retort.dsl;

import dev.retort.ScriptException;
import dev.retort.spi.ScriptSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL files a script runs with {@code sqlFile 'path.sql'}: read relative to the script's own folder, and
 * counted in the script's checksum, so editing the file is editing the script.
 */
final class SqlFiles {
    // sqlFile 'a.sql' / sqlFile('a.sql') / sqlFile down: 'b.sql', 'a.sql': every quoted .sql path in the call
    private static final Pattern CALL = Pattern.compile("\\bsqlFile\\b[^\\n]*");
    private static final Pattern PATH = Pattern.compile("['\"]([^'\"\\n]+)['\"]");

    private SqlFiles() {
    }

    /** The text of {@code path} relative to {@code scriptFile}'s folder; a missing file names both. */
    static String read(Path scriptFile, String path) {
        Path f = resolve(scriptFile, path);
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScriptException("sqlFile: cannot read '" + path + "' (looked for " + f + "); the path is relative to the "
                    + "script's folder: fix it or add the file");
        }
    }

    private static Path resolve(Path scriptFile, String path) {
        Path given = Path.of(path);
        if (given.isAbsolute() || scriptFile == null) {
            return given;
        }
        Path dir = scriptFile.getParent();
        return dir == null ? scriptFile.getFileSystem().getPath(path) : dir.resolve(path).normalize();
    }

    /**
     * {@code checksum} (the script's own) extended with each file its {@code sqlFile} calls name; unchanged when
     * it has none, so scripts without sqlFile keep the checksums they were applied with.
     */
    static String checksum(ScriptSource source, String checksum) {
        if (!source.text().contains("sqlFile")) {
            return checksum;
        }
        StringBuilder all = new StringBuilder(checksum);
        boolean any = false;
        Matcher call = CALL.matcher(source.text());
        while (call.find()) {
            Matcher m = PATH.matcher(call.group());
            while (m.find()) {
                any = true;
                String text;
                try {
                    text = new ScriptSource(resolve(source.file(), m.group(1)), m.group(1),
                            Files.readString(resolve(source.file(), m.group(1)), StandardCharsets.UTF_8)).checksum();
                } catch (IOException e) {
                    text = "missing";
                }
                all.append('\0').append(m.group(1)).append('\0').append(text);
            }
        }
        if (!any) {
            return checksum;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
