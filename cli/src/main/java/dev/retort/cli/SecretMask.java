package dev.retort.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one masking function every printed line goes through (results, notices, errors, -v stack traces):
 * the passwords Retort knows of, in plain and URL-encoded form, and anything password-like in the text
 * itself: the user-info of a PostgreSQL URL (also without {@code //}, and with an unencoded {@code /} or
 * {@code @} in the password) and {@code password=...}.
 */
public final class SecretMask {
    // a PostgreSQL scheme (// optional) or any other URL's scheme://, then user:password@ up to the last @ of the word: a password may hold / or @ unencoded
    private static final Pattern URL_USERINFO = Pattern.compile(
            "(?i)\\b((?:jdbc:)?postgres(?:ql)?(?:\\+\\w+)?:/*|[a-z][a-z0-9+.\\-]*://)([^\\s:@/]*):(\\S*)@");
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)(password\\s*[=:]\\s*)([^\\s&;,'\"]+)");

    private final List<String> secrets = new ArrayList<>();

    /** Never print this text. */
    public void add(String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        for (String s : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"))) {
            if (!secrets.contains(s)) {
                secrets.add(s);
            }
        }
        // longest first, so a password that contains another is masked whole
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    /** {@code s} with every known secret and everything password-like replaced by {@code ***}. */
    public String apply(String s) {
        if (s == null) {
            return null;
        }
        for (String secret : secrets) {
            s = s.replace(secret, "***");
        }
        return patterns(s);
    }

    /** Only the password-like patterns (where no known secrets are at hand, e.g. a usage error). */
    public static String patterns(String s) {
        if (s == null) {
            return null;
        }
        s = URL_USERINFO.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + m.group(2) + ":***@"));
        return PASSWORD_SETTING.matcher(s).replaceAll("$1***");
    }
}
