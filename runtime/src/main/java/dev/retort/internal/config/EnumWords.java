package dev.retort.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the setting enums ({@code LintLevel}, {@code LintOnUpgrade}, {@code BlockerPolicy}) and the history table's
 * actions are written and read: the constant's name in lower case, any case and surrounding blanks accepted, older
 * spellings as aliases; a refusal lists the words, so every setting's message has the same form.
 */
public final class EnumWords {
    private EnumWords() {
    }

    /** The word a setting writes for {@code constant}. */
    public static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code type} that {@code text} names, or the one an alias names.
     *
     * @throws IllegalArgumentException {@code 'TEXT' is not a, b or c}
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, Map<String, E> aliases) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (word(constant).equals(t)) {
                return constant;
            }
        }
        E alias = aliases.get(t);
        if (alias != null) {
            return alias;
        }
        // the list of words is only built for the message: history rows are read through here one by one
        List<String> words = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            words.add(word(constant));
        }
        String last = words.remove(words.size() - 1);
        throw new IllegalArgumentException("'" + text + "' is not " + String.join(", ", words) + " or " + last);
    }
}
