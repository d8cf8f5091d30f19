package dev.retort.cli;

import dev.retort.ConfigException;
import dev.retort.RetortConfig;
import dev.retort.RetortSettings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the configuration from its sources, highest first: flags, environment, retort.properties
 * (or -c FILE), the project's .env file, and the embedded default (README.md, Configuration).
 */
public final class ConfigResolver {
    static final Set<String> KEYS = RetortSettings.KEYS;
    // the CLI's own settings for the schema model (the API takes them as arguments)
    static final Set<String> MODEL_KEYS = Set.of("model.tables", "model", "modelClasspath", "modelExclude");

    private final Function<String, String> env;
    private final java.util.function.Supplier<java.util.Collection<String>> envNames;
    private final Path workingDir;
    // retort.properties and .env, read once for both resolve() and secrets()
    private Map<String, String> file;
    private Map<String, String> dotenv;

    public ConfigResolver(Function<String, String> env, Path workingDir) {
        this(env, List::of, workingDir);
    }

    /** As above; {@code envNames} lists the environment's variables, to spot a misspelt URL variable. */
    public ConfigResolver(Function<String, String> env, java.util.function.Supplier<java.util.Collection<String>> envNames,
                          Path workingDir) {
        this.env = env;
        this.envNames = envNames;
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

        UrlSources urls = UrlSources.resolve(g.url, env, envNames.get(), file,
                g.config != null ? g.config.getFileName().toString() : "retort.properties", dotenv);
        if (urls.url != null) {
            b.url(urls.url);
        } else {
            b.missingUrl(urls.missing);
        }
        // each setting from its highest source; RetortSettings maps the names, as for Spring and Maven
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("user", first(g.user, env.apply("RETORT_USER"), file.get("user"), dotenv.get("RETORT_USER")));
        settings.put("password", first(g.password, env.apply("RETORT_PASSWORD"), file.get("password"), dotenv.get("RETORT_PASSWORD")));
        settings.put("schema", first(g.schema, env.apply("RETORT_SCHEMA"), file.get("schema"), dotenv.get("RETORT_SCHEMA")));
        settings.put("locations", g.dirs != null && !g.dirs.isEmpty() ? g.dirs
                : first(env.apply("RETORT_LOCATIONS"), file.get("locations"), dotenv.get("RETORT_LOCATIONS")));
        for (String key : List.of("versionTable", "historyTable", "lockTimeout", "lock", "transactionPerMigration",
                "sqlLockTimeout", "sqlStatementTimeout", "concurrentlyTimeout", "lockRetries", "lockRetryBackoff", "scriptLanguage",
                "blockers", "lock.maxBlockerAge")) {
            settings.put(key, first(env.apply(envName(key)), file.get(key)));
        }
        file.forEach((k, v) -> {
            if (k.startsWith("lint.")) {
                settings.put(k, v);
            }
        });
        for (String key : List.of("lintOnUpgrade", "lint.smallTable", "lint.largeTable", "cache", "validateChecksums")) {
            settings.put(key, first(env.apply(envName(key)), file.get(key)));
        }
        String wait = first(g.wait, env.apply("RETORT_WAIT"), file.get("wait"));
        if (wait != null) {
            b.connectWait(duration(g.wait != null ? "--wait" : "wait", wait));
        }
        String create = first(g.createDatabase == null ? null : g.createDatabase.toString(), env.apply("RETORT_CREATE_DATABASE"),
                file.get("createDatabase"));
        if (create != null) {
            b.createDatabase(bool("createDatabase", create));
        }
        RetortSettings.apply(b, settings);
        return b;
    }

    /** A setting of the schema model ({@code model.tables}) from RETORT_MODEL_TABLES or the properties file, or null. */
    public String modelSetting(GlobalOptions g, String key) {
        load(g, projectDir(g));
        String env = this.env.apply("RETORT_" + key.replace('.', '_').toUpperCase(java.util.Locale.ROOT));
        return env != null ? env : file.get(key);
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
        } catch (IllegalArgumentException e) {
            throw PropertiesEscape.malformed(file, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            String k = key.startsWith("retort.") ? key.substring("retort.".length()) : key;
            if (!KEYS.contains(k) && !k.startsWith("lint.") && !MODEL_KEYS.contains(k)) {
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
                int close = value.isEmpty() || value.charAt(0) != '"' && value.charAt(0) != '\''
                        ? -1 : value.indexOf(value.charAt(0), 1);
                if (close > 0 && (close == value.length() - 1 || value.substring(close + 1).strip().startsWith("#"))) {
                    // KEY="value" # comment: the quoted value, as python-dotenv and docker compose read it
                    value = value.substring(1, close);
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
        return RetortSettings.duration(key, text);
    }

    static boolean bool(String key, String text) {
        return RetortSettings.bool(key, text);
    }

    // lockTimeout -> RETORT_LOCK_TIMEOUT, lock.maxBlockerAge -> RETORT_LOCK_MAX_BLOCKER_AGE
    private static String envName(String key) {
        return "RETORT_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
