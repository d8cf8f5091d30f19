package dev.retort.cli;

import dev.retort.ConfigException;
import dev.retort.RetortConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the configuration from its sources, highest first: flags, environment, retort.properties
 * (or -c FILE), the project's .env file, and the embedded default (SPEC §4).
 */
public final class ConfigResolver {
    static final Set<String> KEYS = Set.of("url", "user", "password", "schema", "locations", "versionTable",
            "historyTable", "lockTimeout", "lock", "transactionPerMigration", "sqlLockTimeout", "sqlStatementTimeout",
            "lockRetries", "lockRetryBackoff", "validateChecksums", "lintOnUpgrade", "cache");

    private final Function<String, String> env;
    private final Path workingDir;
    // retort.properties and .env, read once for both resolve() and secrets()
    private Map<String, String> file;
    private Map<String, String> dotenv;

    public ConfigResolver(Function<String, String> env, Path workingDir) {
        this.env = env;
        this.workingDir = workingDir;
    }

    /** The project directory: the -c file's folder, else the working directory. */
    public Path projectDir(GlobalOptions g) {
        if (g.config != null) {
            Path parent = workingDir.resolve(g.config).toAbsolutePath().normalize().getParent();
            return parent == null ? workingDir : parent;
        }
        return workingDir;
    }

    /** The layered settings as a builder, not yet validated. */
    public RetortConfig.Builder resolve(GlobalOptions g) {
        Path project = projectDir(g);
        load(g, project);
        RetortConfig.Builder b = RetortConfig.builder().projectDir(project);

        String url = first(g.url, env.apply("RETORT_URL"), env.apply("DATABASE_URL"), file.get("url"),
                dotenv.get("RETORT_URL"), dotenv.get("DATABASE_URL"));
        if (url != null) {
            b.url(url);
        }
        String user = first(g.user, env.apply("RETORT_USER"), file.get("user"), dotenv.get("RETORT_USER"));
        if (user != null) {
            b.user(user);
        }
        String password = first(g.password, env.apply("RETORT_PASSWORD"), file.get("password"), dotenv.get("RETORT_PASSWORD"));
        if (password != null) {
            b.password(password);
        }
        String schema = first(g.schema, env.apply("RETORT_SCHEMA"), file.get("schema"), dotenv.get("RETORT_SCHEMA"));
        if (schema != null) {
            b.schema(schema);
        }
        if (g.dirs != null && !g.dirs.isEmpty()) {
            b.locations(g.dirs);
        } else {
            String locations = first(env.apply("RETORT_LOCATIONS"), file.get("locations"), dotenv.get("RETORT_LOCATIONS"));
            if (locations != null) {
                b.locations(Arrays.stream(locations.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
            }
        }
        String versionTable = first(env.apply("RETORT_VERSION_TABLE"), file.get("versionTable"));
        if (versionTable != null) {
            b.versionTable(versionTable);
        }
        String historyTable = first(env.apply("RETORT_HISTORY_TABLE"), file.get("historyTable"));
        if (historyTable != null) {
            b.historyTable(historyTable);
        }
        String lockTimeout = first(env.apply("RETORT_LOCK_TIMEOUT"), file.get("lockTimeout"));
        if (lockTimeout != null) {
            b.lockTimeout(duration("lockTimeout", lockTimeout));
        }
        String lock = first(env.apply("RETORT_LOCK"), file.get("lock"));
        if (lock != null) {
            b.lock(bool("lock", lock));
        }
        String tpm = first(env.apply("RETORT_TRANSACTION_PER_MIGRATION"), file.get("transactionPerMigration"));
        if (tpm != null) {
            b.transactionPerMigration(bool("transactionPerMigration", tpm));
        }
        String sqlLock = first(env.apply("RETORT_SQL_LOCK_TIMEOUT"), file.get("sqlLockTimeout"));
        if (sqlLock != null) {
            b.sqlLockTimeout(duration("sqlLockTimeout", sqlLock));
        }
        String sqlStatement = first(env.apply("RETORT_SQL_STATEMENT_TIMEOUT"), file.get("sqlStatementTimeout"));
        if (sqlStatement != null) {
            b.sqlStatementTimeout(duration("sqlStatementTimeout", sqlStatement));
        }
        String retries = first(env.apply("RETORT_LOCK_RETRIES"), file.get("lockRetries"));
        if (retries != null) {
            try {
                b.lockRetries(Integer.parseInt(retries.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException("lockRetries: '" + retries + "' is not a whole number");
            }
        }
        String backoff = first(env.apply("RETORT_LOCK_RETRY_BACKOFF"), file.get("lockRetryBackoff"));
        if (backoff != null) {
            b.lockRetryBackoff(duration("lockRetryBackoff", backoff));
        }
        file.forEach((k, v) -> {
            if (k.startsWith("lint.")) {
                b.lintLevel(k.substring(5), v);
            }
        });
        String lintOnUpgrade = first(env.apply("RETORT_LINT_ON_UPGRADE"), file.get("lintOnUpgrade"));
        if (lintOnUpgrade != null) {
            b.lintOnUpgrade(lintOnUpgrade);
        }
        String cache = first(env.apply("RETORT_CACHE"), file.get("cache"));
        if (cache != null) {
            b.cache(bool("cache", cache));
        }
        String checksums = first(env.apply("RETORT_VALIDATE_CHECKSUMS"), file.get("validateChecksums"));
        if (checksums != null) {
            b.validateChecksums(bool("validateChecksums", checksums));
        }
        return b;
    }

    /** Every password the sources hold, so the printer can mask them all. */
    public List<String> secrets(GlobalOptions g) {
        Path project = projectDir(g);
        load(g, project);
        return java.util.stream.Stream.of(g.password, env.apply("RETORT_PASSWORD"), file.get("password"),
                dotenv.get("RETORT_PASSWORD"), passwordIn(g.url), passwordIn(env.apply("RETORT_URL")),
                passwordIn(env.apply("DATABASE_URL")), passwordIn(file.get("url")), passwordIn(dotenv.get("RETORT_URL")),
                passwordIn(dotenv.get("DATABASE_URL"))).filter(s -> s != null && !s.isEmpty()).distinct().toList();
    }

    /** The password written in a URL, if any (so output can mask it). */
    public static String passwordIn(String url) {
        if (url == null) {
            return null;
        }
        // scheme:[//]user:password@host, up to the last @: a password may hold / or @ unencoded, or the // be missing
        var m = java.util.regex.Pattern.compile("^(?:jdbc:)?[A-Za-z][A-Za-z0-9+.-]*:/*[^:@/\\s]*:(.*)@[^@]*$").matcher(url.strip());
        if (m.find() && !m.group(1).isEmpty()) {
            return decodeOrRaw(m.group(1));
        }
        m = java.util.regex.Pattern.compile("[?&]password=([^&]*)").matcher(url);
        return m.find() ? decodeOrRaw(m.group(1)) : null;
    }

    // a password with a stray % is not valid URL encoding: mask it as written
    private static String decodeOrRaw(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private void load(GlobalOptions g, Path project) {
        if (file == null) {
            file = properties(g, project);
            dotenv = dotEnv(project.resolve(".env"));
        }
    }

    private Map<String, String> properties(GlobalOptions g, Path project) {
        Path file = g.config != null ? workingDir.resolve(g.config) : project.resolve("retort.properties");
        if (!Files.exists(file)) {
            if (g.config != null) {
                throw new ConfigException("config: file " + g.config + " does not exist; check -c, or run 'retort init'");
            }
            return Map.of();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("config: cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            String k = key.startsWith("retort.") ? key.substring("retort.".length()) : key;
            if (!KEYS.contains(k) && !k.startsWith("lint.")) {
                throw new ConfigException("config: unknown setting '" + key + "' in " + file.getFileName()
                        + " (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
            out.put(k, p.getProperty(key).trim());
        }
        return out;
    }

    // KEY=VALUE lines, optional 'export ', quotes and comments, as python-dotenv reads them
    static Map<String, String> dotEnv(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("export ")) {
                    line = line.substring(7).strip();
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                } else {
                    int hash = value.indexOf(" #");
                    if (hash >= 0) {
                        value = value.substring(0, hash).strip();
                    }
                }
                out.put(key, value);
            }
        } catch (IOException e) {
            throw new ConfigException("config: cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static Duration duration(String key, String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": '" + text + "' is not a duration; write e.g. 30s, 500ms or 5m");
        }
    }

    static boolean bool(String key, String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("yes") || t.equals("1")) {
            return true;
        }
        if (t.equals("false") || t.equals("no") || t.equals("0")) {
            return false;
        }
        throw new ConfigException(key + ": '" + text + "' is not true or false");
    }
}
