package dev.retort.internal.dialect;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds transaction control in raw SQL meant for a transactional migration. Retort owns that
 * migration's transaction: a {@code ROLLBACK} would end it early and Retort would record success for
 * work that is gone, a {@code COMMIT} would make half of it permanent whatever happens later. Text in a
 * function or {@code DO} body is one statement to the splitter, so a procedure's own COMMIT is not seen.
 */
public final class TransactionControlCheck {
    // on normalized text (upper case, comments gone, white space folded); BEGIN ATOMIC bodies start with CREATE
    private static final Pattern CONTROL = Pattern.compile(
            "^(BEGIN|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE|START\\s+TRANSACTION|PREPARE\\s+TRANSACTION)\\b.*", Pattern.DOTALL);

    private TransactionControlCheck() {
    }

    /** The first transaction-control statement of {@code sql} (its first line, as written), if any. */
    public static Optional<String> find(String sql) {
        if (sql == null) {
            return Optional.empty();
        }
        for (String statement : SqlSplitter.split(sql)) {
            if (CONTROL.matcher(SqlSplitter.normalize(statement).strip()).matches()) {
                String first = statement.strip().lines().findFirst().orElse("");
                return Optional.of(first.length() > 60 ? first.substring(0, 60) + "..." : first);
            }
        }
        return Optional.empty();
    }
}
