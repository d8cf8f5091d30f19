package dev.retort;

import dev.retort.internal.config.EnumWords;

import java.util.Map;

/**
 * What {@code upgrade} does when the pre-flight finds a session that would make a statement's ACCESS EXCLUSIVE (or
 * SHARE) lock wait ({@code blockers}): print who it is and {@code wait} with the lock_timeout retries, or {@code fail}
 * with exit 6 before joining the lock queue.
 */
public enum BlockerPolicy {
    /** Print the blockers, then take the lock under lock_timeout and its retries (the default). */
    WAIT,
    /** Print the blockers and stop (exit 6) without queueing: no reader waits behind the migration. */
    FAIL;

    /** The word settings write. */
    public String word() {
        return EnumWords.word(this);
    }

    /**
     * The policy a setting's text names.
     *
     * @throws IllegalArgumentException saying which words are accepted
     */
    public static BlockerPolicy parse(String text) {
        return EnumWords.parse(BlockerPolicy.class, text, Map.of());
    }
}
