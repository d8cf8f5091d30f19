package dev.retort.internal.autogen;

import dev.retort.internal.lint.Rule;
import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.DropColumn;
import dev.retort.spi.DropTable;
import dev.retort.spi.Operation;
import dev.retort.spi.RenameColumn;
import dev.retort.spi.RenameTable;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code // retort:lint-ignore} line autogenerate writes above a step lint would stop: the script then passes
 * lint, and the reason tells the reviewer what to check before it runs (a guessed rename, data that goes, a lock on
 * a table that may be large). A step lint has nothing against gets no line.
 */
final class LintIgnores {
    private LintIgnores() {
    }

    /** The comment line for {@code op} (indented, ending in a newline), or null. */
    static String line(Operation op) {
        List<String> rules = new ArrayList<>();
        String reason = null;
        if (op instanceof RenameColumn r) {
            rules.add(Rule.RENAME_COLUMN.id());
            reason = "review: autogenerate guessed that " + r.table() + "." + r.from() + " became " + r.to()
                    + "; check it is a rename and that no deployed code still uses " + r.from();
        } else if (op instanceof RenameTable r) {
            rules.add(Rule.RENAME_TABLE.id());
            reason = "review: autogenerate guessed that " + r.from() + " became " + r.to()
                    + "; check it is a rename and that no deployed code still uses " + r.from();
        } else if (op instanceof DropColumn d) {
            rules.add(Rule.DROP_COLUMN.id());
            reason = "review: the model has no " + d.table() + "." + d.name() + "; check that no deployed code reads it and its data may go";
        } else if (op instanceof DropTable d) {
            rules.add(Rule.DROP_TABLE.id());
            reason = "review: the model has no " + d.name() + "; check that no deployed code uses it and its rows are backed up";
        } else if (op instanceof AlterColumn a) {
            if (a.type() != null) {
                rules.add(Rule.TYPE_REWRITE.id());
            }
            if (Boolean.FALSE.equals(a.nullable())) {
                rules.add(Rule.SET_NOT_NULL.id());
            }
            reason = "review: check that " + a.table() + " is small enough to " + (a.type() != null ? "rewrite" : "scan")
                    + " under an ACCESS EXCLUSIVE lock" + (Boolean.FALSE.equals(a.nullable()) ? " and that " + a.name()
                    + " holds no NULL" : "") + " ('retort lint --url' says how big it is)";
        } else if (op instanceof AddColumn a && Boolean.FALSE.equals(a.column().nullable()) && a.column().defaultValue() == null
                && a.column().defaultSql() == null && !a.column().identity()) {
            rules.add(Rule.NOT_NULL_WITHOUT_DEFAULT.id());
            reason = "review: this fails if " + a.table() + " has rows; check it is empty, or add the column nullable and backfill";
        } else if (op instanceof AddForeignKey f && !f.notValid()
                || op instanceof AddCheckConstraint c && !c.notValid()) {
            rules.add(Rule.CONSTRAINT_NOT_VALID.id());
            reason = "review: the model has it validated; check that " + table(op) + " is small enough to check under lock,"
                    + " or add it with notValid: true and validateConstraint later";
        } else if (op instanceof AddUniqueConstraint u && u.usingIndex() == null) {
            rules.add(Rule.UNIQUE_CONSTRAINT.id());
            reason = "review: check that " + u.table() + " is small enough to index under lock, or build the index concurrently"
                    + " and add the constraint usingIndex";
        }
        return rules.isEmpty() ? null : DslWriter.INDENT + "// retort:lint-ignore " + String.join(", ", rules) + " " + reason + "\n";
    }

    private static String table(Operation op) {
        return op instanceof AddForeignKey f ? f.table() : ((AddCheckConstraint) op).table();
    }
}
