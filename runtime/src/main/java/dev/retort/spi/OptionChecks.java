package dev.retort.spi;

import dev.retort.ScriptException;

import java.util.Locale;
import java.util.Set;

/** The option checks several operation records share; each failure is one line naming the option. */
final class OptionChecks {
    private static final Set<String> ACTIONS = Set.of("cascade", "restrict", "set null", "set default", "no action");

    private OptionChecks() {
    }

    /** A foreign key's ON DELETE / ON UPDATE action ({@code clause} as the message names it, e.g. "on delete"). */
    static void action(String clause, String action) {
        if (action != null && !ACTIONS.contains(action.trim().toLowerCase(Locale.ROOT).replace('_', ' '))) {
            throw new ScriptException(clause + " action '" + action
                    + "' is not one of cascade, restrict, set null, set default, no action");
        }
    }

    /** An interval option such as TimescaleDB's dropAfter: words, digits and {@code .:} only. */
    static void interval(String option, String text) {
        if (text == null || !text.matches("[0-9A-Za-z .:]+")) {
            throw new ScriptException(option + ": '" + text + "' is not an interval such as '30 days' or '1 hour'");
        }
    }
}
