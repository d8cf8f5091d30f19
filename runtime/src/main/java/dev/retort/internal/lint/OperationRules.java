package dev.retort.internal.lint;

import dev.retort.Revision;
import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AddEnumValue;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.Backfill;
import dev.retort.spi.BulkInsert;
import dev.retort.spi.CreateEnum;
import dev.retort.spi.CreateExtension;
import dev.retort.spi.CreateHypertable;
import dev.retort.spi.CreateIndex;
import dev.retort.spi.CreateSchema;
import dev.retort.spi.CreateTable;
import dev.retort.spi.DropColumn;
import dev.retort.spi.DropConstraint;
import dev.retort.spi.DropEnum;
import dev.retort.spi.DropExtension;
import dev.retort.spi.DropIndex;
import dev.retort.spi.DropSchema;
import dev.retort.spi.DropTable;
import dev.retort.spi.Operation;
import dev.retort.spi.OperationVisitor;
import dev.retort.spi.RenameColumn;
import dev.retort.spi.RenameConstraint;
import dev.retort.spi.RenameIndex;
import dev.retort.spi.RenameTable;
import dev.retort.spi.RowChange;
import dev.retort.spi.SetComment;
import dev.retort.spi.Sql;
import dev.retort.spi.TimescalePolicy;
import dev.retort.spi.ValidateConstraint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lint rules for operation records (written in the DSL or read from raw SQL), one visit per record. It keeps
 * what earlier revisions built, so it lives as long as its {@link Linter}.
 */
final class OperationRules {
    private final int pgVersion;
    private final ColumnRules columns;
    private final Set<String> hypertables = new HashSet<>();
    private final Map<String, String> indexTables = new HashMap<>();

    OperationRules(int pgVersion) {
        this.pgVersion = pgVersion;
        this.columns = new ColumnRules(pgVersion);
    }

    /** Adds to {@code out} what {@code op} at {@code step} breaks, and notes what it builds. */
    void check(Operation op, LintRecorder.Step step, MigrationState s, List<Finding> out) {
        op.accept(new Visit(step, s, out));
        if (op instanceof RowChange) {
            s.dataAt(step.line(), step.assured());
        } else {
            s.schemaAt(step.line());
        }
    }

    // one step's checks: a visit adds findings and notes what the step built; most records have no rule of their own
    private final class Visit implements OperationVisitor<Void> {
        private final LintRecorder.Step step;
        private final MigrationState s;
        private final List<Finding> out;
        private final Revision r;
        private final int line;

        Visit(LintRecorder.Step step, MigrationState s, List<Finding> out) {
            this.step = step;
            this.s = s;
            this.out = out;
            this.r = s.revision;
            this.line = step.line();
        }

        private void add(Rule rule, String detail) {
            out.add(new Finding(r.id(), r.file(), line, rule, true, detail));
        }

        private void add(Rule rule, String detail, String table) {
            out.add(new Finding(r.id(), r.file(), line, rule, true, detail).on(table));
        }

        @Override
        public Void visit(Sql op) {
            return null;
        }

        @Override
        public Void visit(CreateTable t) {
            s.newTables.add(t.name());
            columns.createTable(t, r, line, out);
            return null;
        }

        @Override
        public Void visit(DropTable d) {
            if (s.existing(d.name())) {
                add(Rule.DROP_TABLE, d.name());
            }
            columns.dropTable(d.name());
            return null;
        }

        @Override
        public Void visit(AddColumn a) {
            columns.addColumn(a.table(), a.column(), s.existing(a.table()), r, line, out);
            return null;
        }

        @Override
        public Void visit(DropColumn d) {
            if (s.existing(d.table())) {
                add(Rule.DROP_COLUMN, d.table() + "." + d.name());
            }
            return null;
        }

        @Override
        public Void visit(CreateIndex i) {
            indexTables.put(i.name(), i.table());
            if (!i.concurrently() && s.existing(i.table())) {
                add(Rule.INDEX_NOT_CONCURRENT, "create " + i.name() + " on " + i.table(), i.table());
            }
            if (i.concurrently() && hypertables.contains(i.table())) {
                add(Rule.CONCURRENT_INDEX_ON_HYPERTABLE, i.name() + " on " + i.table());
            }
            return null;
        }

        @Override
        public Void visit(DropIndex d) {
            String table = indexTables.get(d.name());
            if (!d.concurrently() && (table == null || s.existing(table))) {
                add(Rule.INDEX_NOT_CONCURRENT, "drop " + d.name(), table != null ? table : d.name()); // the catalog knows an index's table
            }
            return null;
        }

        @Override
        public Void visit(RenameTable t) {
            if (s.existing(t.from())) {
                add(Rule.RENAME_TABLE, t.from() + " -> " + t.to());
                s.renamedFrom.add(t.from() + " -> " + t.to());
            }
            return null;
        }

        @Override
        public Void visit(RenameColumn c) {
            if (s.existing(c.table())) {
                add(Rule.RENAME_COLUMN, c.table() + "." + c.from() + " -> " + c.to());
            }
            return null;
        }

        @Override
        public Void visit(AlterColumn a) {
            columns.alterColumn(a, s.existing(a.table()), r, line, out);
            return null;
        }

        @Override
        public Void visit(AddForeignKey f) {
            if (s.existing(f.table()) && !f.notValid()) {
                add(Rule.CONSTRAINT_NOT_VALID, f.name() + " on " + f.table(), f.table());
            }
            if (f.notValid() && !step.outside()) {
                s.notValidInTransaction.add(f.table() + "." + f.name());
            }
            return null;
        }

        @Override
        public Void visit(AddUniqueConstraint u) {
            if (s.existing(u.table()) && u.usingIndex() == null) {
                add(Rule.UNIQUE_CONSTRAINT, u.name() + " on " + u.table(), u.table());
            }
            return null;
        }

        @Override
        public Void visit(AddCheckConstraint c) {
            if (s.existing(c.table()) && !c.notValid()) {
                add(Rule.CONSTRAINT_NOT_VALID, c.name() + " on " + c.table(), c.table());
            }
            if (c.notValid() && !step.outside()) {
                s.notValidInTransaction.add(c.table() + "." + c.name());
            }
            columns.check(c);
            return null;
        }

        @Override
        public Void visit(ValidateConstraint v) {
            if (!step.outside() && s.notValidInTransaction.contains(v.table() + "." + v.name())) {
                add(Rule.CONSTRAINT_NOT_VALID, v.name() + " on " + v.table()
                        + " validated in the transaction that added it NOT VALID: the table stays locked while it is checked",
                        v.table());
            }
            columns.validated(v.name());
            return null;
        }

        @Override
        public Void visit(DropConstraint op) {
            return null;
        }

        @Override
        public Void visit(CreateEnum op) {
            return null;
        }

        @Override
        public Void visit(AddEnumValue e) {
            if (pgVersion < 12 && !step.outside()) {
                add(Rule.ENUM_VALUE_IN_TRANSACTION, e.name() + " ADD VALUE " + e.value());
            }
            return null;
        }

        @Override
        public Void visit(DropEnum op) {
            return null;
        }

        @Override
        public Void visit(CreateExtension op) {
            return null;
        }

        @Override
        public Void visit(DropExtension op) {
            return null;
        }

        @Override
        public Void visit(CreateSchema cs) {
            s.newSchemas.add(cs.name());
            return null;
        }

        @Override
        public Void visit(DropSchema d) {
            if (!s.newSchemas.contains(d.name())) {
                add(Rule.DROP_SCHEMA, d.name() + (d.cascade() ? " CASCADE" : ""));
            }
            return null;
        }

        @Override
        public Void visit(BulkInsert op) {
            return null;
        }

        @Override
        public Void visit(CreateHypertable h) {
            hypertables.add(h.table());
            return null;
        }

        @Override
        public Void visit(TimescalePolicy op) {
            return null;
        }

        @Override
        public Void visit(Backfill op) {
            return null;
        }

        @Override
        public Void visit(SetComment op) {
            return null;
        }

        @Override
        public Void visit(RenameIndex op) {
            return null;
        }

        @Override
        public Void visit(RenameConstraint op) {
            return null;
        }
    }
}
