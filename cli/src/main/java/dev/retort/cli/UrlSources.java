package dev.retort.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the database URL comes from (README.md, Configuration): {@code --url}, {@code RETORT_URL}, {@code DATABASE_URL},
 * {@code url=} in retort.properties, then the same two names in {@code .env}. The first source that is set
 * decides: a URL, or, when it is set but empty, an error naming it. With none set there is no URL and the
 * line to fail with says where one can come from, naming a variable whose name looks like a misspelling.
 * The embedded server is only ever a URL someone wrote ({@code embedded[:DIR]}), never a default.
 */
final class UrlSources {
    static final List<String> NAMES = List.of("RETORT_URL", "DATABASE_URL");

    /** The URL found, or null with {@link #missing} saying why there is none. */
    final String url;
    /** The one line a command that needs a database fails with; null when a URL was found. */
    final String missing;

    private UrlSources(String url, String missing) {
        this.url = url;
        this.missing = missing;
    }

    static UrlSources resolve(String flag, Function<String, String> env, Collection<String> envNames,
                              Map<String, String> file, String fileName, Map<String, String> dotenv) {
        List<String[]> sources = new ArrayList<>();
        sources.add(new String[]{"--url", flag});
        for (String name : NAMES) {
            sources.add(new String[]{name, env.apply(name)});
        }
        sources.add(new String[]{"url in " + fileName, file.get("url")});
        for (String name : NAMES) {
            sources.add(new String[]{name + " in .env", dotenv.get(name)});
        }
        for (String[] source : sources) {
            String value = source[1];
            if (value == null) {
                continue;
            }
            if (value.isBlank()) {
                return new UrlSources(null, source[0] + " is set but empty; give it a URL (e.g. postgresql://USER@HOST:5432/DB,"
                        + " or embedded for a local embedded PostgreSQL) or remove it");
            }
            return new UrlSources(value.trim(), null);
        }
        String suspect = suspect(envNames);
        if (suspect == null) {
            suspect = suspect(dotenv.keySet());
        }
        String didYouMean = suspect == null ? "" : " (" + suspect + " is set: did you mean " + closest(suspect) + "?)";
        return new UrlSources(null, "no database URL" + didYouMean + ": give --url URL, set RETORT_URL or DATABASE_URL,"
                + " or write url=URL in " + fileName + " (url=embedded runs a local embedded PostgreSQL)");
    }

    /** A name that is not one of {@link #NAMES} but within two edits of one (case ignored), or null. */
    static String suspect(Collection<String> names) {
        for (String name : names) {
            if (name == null || NAMES.contains(name)) {
                continue;
            }
            String upper = name.toUpperCase(Locale.ROOT);
            for (String target : NAMES) {
                if (distance(upper, target) <= 2) {
                    return name;
                }
            }
        }
        return null;
    }

    private static String closest(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return distance(upper, "RETORT_URL") < distance(upper, "DATABASE_URL") ? "RETORT_URL" : "DATABASE_URL";
    }

    // Levenshtein distance, with a swap of two neighbours counted as one edit (DATBASE_URL)
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
