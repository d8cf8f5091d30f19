package dev.retort.internal.autogen;

import dev.retort.spi.Operation;

import java.util.List;

/**
 * One difference between two catalogs: what it is, the operations that make the first catalog like the
 * second, their reverse, and a {@code review} note when Retort had to guess (null when it did not).
 */
public record Change(Stage stage, String description, List<Operation> up, List<Operation> down, String review, boolean guessedRename) {
    public Change {
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    /** The order changes apply in, so each finds what it needs (and the downgrade, reversed, too). */
    public enum Stage {
        EXTENSIONS, ENUMS, RENAMES, DROP_INDEXES, DROP_CONSTRAINTS, CREATE_TABLES, COLUMNS, ADD_CONSTRAINTS, CREATE_INDEXES,
        DROP_COLUMNS, DROP_TABLES, CHANGE_ENUMS, DROP_ENUMS, DROP_EXTENSIONS, MANUAL
    }
}
