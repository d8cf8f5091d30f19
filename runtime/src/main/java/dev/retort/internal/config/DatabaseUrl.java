package dev.retort.internal.config;

import dev.retort.ConfigException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database location in any form users already have: JDBC, libpq/SQLAlchemy URLs (so an
 * existing {@code DATABASE_URL} works unchanged), or the embedded server. The password is kept
 * apart from everything that is ever printed.
 */
public final class DatabaseUrl {
    private static final Pattern URI = Pattern.compile(
            "(?i)(postgres|postgresql)(\\+[a-z0-9_]+)?://(?:([^:@/]*)(?::(.*))?@)?([^/?@]*)(?:/([^?]*))?(?:\\?(.*))?");
    private static final Pattern JDBC = Pattern.compile("(?i)jdbc:postgresql://([^/?]*)(?:/([^?]*))?(?:\\?(.*))?");

    private final boolean embedded;
    private final Path embeddedDir;
    private final String hostPort;
    private final String database;
    private final Map<String, String> params;
    private final String user;
    private final String password;

    private DatabaseUrl(boolean embedded, Path embeddedDir, String hostPort, String database,
                        Map<String, String> params, String user, String password) {
        this.embedded = embedded;
        this.embeddedDir = embeddedDir;
        this.hostPort = hostPort;
        this.database = database;
        this.params = params;
        this.user = user;
        this.password = password;
    }

    /** A URL for an already running embedded server (used by the embedded provider). */
    public static DatabaseUrl jdbc(String hostPort, String database, String user, String password) {
        return new DatabaseUrl(false, null, hostPort, database, new LinkedHashMap<>(), user, password);
    }

    /**
     * Parses {@code text}; {@code user} and {@code password}, when not null, override the URL's.
     *
     * @throws ConfigException naming the setting {@code url} and the accepted forms
     */
    public static DatabaseUrl parse(String text, String user, String password) {
        String t = text.trim();
        if (t.equalsIgnoreCase("embedded")) {
            return new DatabaseUrl(true, null, null, null, Map.of(), user, password);
        }
        if (t.regionMatches(true, 0, "embedded:", 0, 9)) {
            String dir = t.substring(9);
            if (dir.isBlank()) {
                throw new ConfigException("url: 'embedded:' needs a directory, e.g. embedded:.retort/embedded");
            }
            return new DatabaseUrl(true, Path.of(dir), null, null, Map.of(), user, password);
        }
        Matcher m = JDBC.matcher(t);
        if (m.matches()) {
            Map<String, String> params = query(m.group(3));
            String u = user != null ? user : params.remove("user");
            String p = password != null ? password : params.remove("password");
            params.remove("user");
            params.remove("password");
            return new DatabaseUrl(false, null, requireHost(m.group(1), t), database(m.group(2)), params, u, p);
        }
        m = URI.matcher(t);
        if (m.matches()) {
            Map<String, String> params = query(m.group(7));
            String u = user != null ? user : decode(m.group(3));
            String p = password != null ? password : decode(m.group(4));
            if (u == null || u.isEmpty()) {
                u = params.remove("user");
            }
            if (p == null || p.isEmpty()) {
                String fromParams = params.remove("password");
                p = fromParams != null ? fromParams : p;
            }
            params.remove("user");
            params.remove("password");
            return new DatabaseUrl(false, null, requireHost(m.group(5), t), database(m.group(6)), params,
                    u == null || u.isEmpty() ? null : u, p == null || p.isEmpty() ? null : p);
        }
        throw new ConfigException("url: '" + mask(t) + "' is not a PostgreSQL URL; use jdbc:postgresql://HOST:PORT/DB, "
                + "postgresql://USER@HOST:PORT/DB, postgres://..., postgresql+asyncpg://... or embedded");
    }

    private static String requireHost(String hostPort, String text) {
        if (hostPort == null || hostPort.isBlank()) {
            throw new ConfigException("url: '" + mask(text) + "' has no host; write e.g. postgresql://localhost:5432/mydb");
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && !hostPort.endsWith("]")) {
            String port = hostPort.substring(colon + 1);
            if (!port.matches("\\d{1,5}")) {
                throw new ConfigException("url: port '" + port + "' in '" + mask(text) + "' is not a number");
            }
        }
        return hostPort;
    }

    private static String database(String db) {
        return db == null || db.isEmpty() ? "postgres" : decode(db);
    }

    private static Map<String, String> query(String q) {
        Map<String, String> map = new LinkedHashMap<>();
        if (q == null || q.isEmpty()) {
            return map;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            map.put(decode(k), decode(v));
        }
        // SQLAlchemy/asyncpg spell it "ssl"; pgjdbc understands sslmode
        if (map.containsKey("ssl") && !map.containsKey("sslmode")) {
            String ssl = map.remove("ssl");
            map.put("sslmode", ssl.equals("true") ? "require" : ssl);
        }
        return map;
    }

    private static String decode(String s) {
        if (s == null) {
            return null;
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray % (an unencoded password): taken as written
        }
    }

    /** The text with any password replaced, for messages about a URL that did not parse. */
    public static String mask(String text) {
        // as the CLI's SecretMask: the // may be missing, and the password may hold / or @ (up to the last @ of the word)
        return text.replaceAll("(?i)\\b((?:(?:jdbc:)?postgres(?:ql)?(?:\\+\\w+)?:/*|[a-z][a-z0-9+.\\-]*://)[^\\s:@/]*:)\\S*@", "$1***@")
                .replaceAll("(?i)(password\\s*[=:]\\s*)[^\\s&;,'\"]+", "$1***");
    }

    /** The same server and credentials, another database. */
    public DatabaseUrl withDatabase(String name) {
        return new DatabaseUrl(false, null, hostPort, name, params, user, password);
    }

    /** The database name, or null for the embedded server. */
    public String database() {
        return database;
    }

    /** True for the embedded server. */
    public boolean isEmbedded() {
        return embedded;
    }

    /** The embedded server's data directory as configured, or null for the default. */
    public Path embeddedDir() {
        return embeddedDir;
    }

    /** The JDBC URL without credentials. */
    public String jdbcUrl() {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(hostPort).append('/').append(database);
        String sep = "?";
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = "&";
        }
        return sb.toString();
    }

    /** The user, or null for the driver's default. */
    public String user() {
        return user;
    }

    /** The password, or null. Never put it in a message. */
    public String password() {
        return password;
    }

    /** Where this points, for messages: host, port, database and user, never the password. */
    public String describe() {
        if (embedded) {
            return "embedded PostgreSQL";
        }
        return (user == null ? "" : user + "@") + hostPort + "/" + database;
    }

    @Override
    public String toString() {
        return describe();
    }
}
