package dev.retort.internal.lint;

import dev.retort.Revision;
import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AddCompressionPolicy;
import dev.retort.spi.AddEnumValue;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddRetentionPolicy;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.Backfill;
import dev.retort.spi.BulkInsert;
import dev.retort.spi.ColumnDef;
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
import dev.retort.spi.SetComment;
import dev.retort.spi.Sql;
import dev.retort.spi.TableConstraint;
import dev.retort.spi.ValidateConstraint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint rules for operation records (written in the DSL or read from raw SQL), one visit per record. It keeps
 * what earlier revisions built, so it lives as long as its {@link Linter}.
 */
final class OperationRules {
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("(?i)^\\(*\\s*\"?(\\w+)\"?\\s+IS\\s+NOT\\s+NULL\\s*\\)*$");
    private static final Pattern SMALL_KEY = Pattern.compile("serial|serial4|serial8|bigserial|smallserial|int|integer|int4|smallint|int2");

    private final int pgVersion;
    private final Map<String, Map<String, String>> columnTypes = new HashMap<>();
    private final Set<String> hypertables = new HashSet<>();
    private final Map<String, String> indexTables = new HashMap<>();
    private final Set<String> notNullChecked = new HashSet<>();   // "table.column" with a validated IS NOT NULL check
    private final Map<String, String> pendingChecks = new HashMap<>(); // constraint name -> table.column, NOT VALID

    OperationRules(int pgVersion) {
        this.pgVersion = pgVersion;
    }

    /** Adds to {@code out} what {@code op} at {@code step} breaks, and notes what it builds. */
    void check(Operation op, LintRecorder.Step step, MigrationState s, List<Finding> out) {
        op.accept(new Visit(step, s, out));
    }

    // one step's checks; a visit returns nothing, it adds findings and notes what the step built
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

        private Void schema() {
            s.schemaAt(line);
            return null;
        }

        private Void data() {
            s.dataAt(line, step.assured());
            return null;
        }

        @Override
        public Void visit(Sql op) {
            return schema(); // raw SQL is read statement by statement before it gets here
        }

        @Override
        public Void visit(CreateTable t) {
            s.newTables.add(t.name());
            Map<String, String> cols = columnTypes.computeIfAbsent(t.name(), k -> new HashMap<>());
            List<String> pk = new ArrayList<>();
            for (ColumnDef c : t.columns()) {
                cols.put(c.name(), TypeRules.normalize(c.type()));
                TypeRules.findings(r, line, t.name(), c, out);
                if (c.primaryKey()) {
                    pk.add(c.name());
                }
            }
            for (TableConstraint tc : t.constraints()) {
                if (tc instanceof TableConstraint.PrimaryKey p) {
                    pk.addAll(p.columns());
                }
            }
            if (pk.size() == 1) {
                ColumnDef c = t.columns().stream().filter(x -> x.name().equals(pk.get(0))).findFirst().orElse(null);
                if (c != null && SMALL_KEY.matcher(TypeRules.normalize(c.type())).matches()) {
                    add(Rule.SERIAL_OR_INT_PK, t.name() + "." + c.name() + " " + c.type());
                }
            }
            return schema();
        }

        @Override
        public Void visit(DropTable d) {
            if (s.existing(d.name())) {
                add(Rule.DROP_TABLE, d.name());
            }
            columnTypes.remove(d.name());
            return schema();
        }

        @Override
        public Void visit(AddColumn a) {
            ColumnDef c = a.column();
            columnTypes.computeIfAbsent(a.table(), k -> new HashMap<>()).put(c.name(), TypeRules.normalize(c.type()));
            TypeRules.findings(r, line, a.table(), c, out);
            if (s.existing(a.table())) {
                existingTableColumn(a.table(), c);
            }
            return schema();
        }

        private void existingTableColumn(String table, ColumnDef c) {
            boolean hasDefault = c.defaultValue() != null || c.defaultSql() != null || c.identity();
            if (Boolean.FALSE.equals(c.nullable()) && !hasDefault) {
                add(Rule.NOT_NULL_WITHOUT_DEFAULT, table + "." + c.name());
            }
            String volatileCall = TypeRules.volatileCall(c.defaultSql());
            if (volatileCall != null || hasDefault && pgVersion < 11) {
                add(Rule.VOLATILE_DEFAULT, table + "." + c.name() + " DEFAULT "
                        + (c.defaultSql() != null ? c.defaultSql() : String.valueOf(c.defaultValue())));
            } else if (c.identity() || TypeRules.isSerial(TypeRules.normalize(c.type()))) {
                add(Rule.VOLATILE_DEFAULT, table + "." + c.name() + " " + (c.identity() ? "identity" : c.type())
                        + ": every existing row gets a new value");
            }
            if (c.unique() && !c.primaryKey()) {
                add(Rule.UNIQUE_CONSTRAINT, "UNIQUE column " + table + "." + c.name());
            }
            if (c.primaryKey()) {
                add(Rule.ADD_PRIMARY_KEY, table + "." + c.name());
            }
            if (c.references() != null) {
                add(Rule.CONSTRAINT_NOT_VALID, "foreign key of " + table + "." + c.name());
            }
        }

        @Override
        public Void visit(DropColumn d) {
            if (s.existing(d.table())) {
                add(Rule.DROP_COLUMN, d.table() + "." + d.name());
            }
            return schema();
        }

        @Override
        public Void visit(CreateIndex i) {
            indexTables.put(i.name(), i.table());
            if (!i.concurrently() && s.existing(i.table())) {
                add(Rule.INDEX_NOT_CONCURRENT, "create " + i.name() + " on " + i.table());
            }
            if (i.concurrently() && hypertables.contains(i.table())) {
                add(Rule.CONCURRENT_INDEX_ON_HYPERTABLE, i.name() + " on " + i.table());
            }
            return schema();
        }

        @Override
        public Void visit(DropIndex d) {
            String table = indexTables.get(d.name());
            if (!d.concurrently() && (table == null || s.existing(table))) {
                add(Rule.INDEX_NOT_CONCURRENT, "drop " + d.name());
            }
            return schema();
        }

        @Override
        public Void visit(RenameTable t) {
            if (s.existing(t.from())) {
                add(Rule.RENAME_TABLE, t.from() + " -> " + t.to());
                s.renamedFrom.add(t.from() + " -> " + t.to());
            }
            return schema();
        }

        @Override
        public Void visit(RenameColumn c) {
            if (s.existing(c.table())) {
                add(Rule.RENAME_COLUMN, c.table() + "." + c.from() + " -> " + c.to());
            }
            return schema();
        }

        @Override
        public Void visit(AlterColumn a) {
            if (s.existing(a.table())) {
                if (Boolean.FALSE.equals(a.nullable()) && !(pgVersion >= 12 && notNullChecked.contains(a.table() + "." + a.name()))) {
                    add(Rule.SET_NOT_NULL, a.table() + "." + a.name());
                }
                if (Boolean.TRUE.equals(a.nullable())) {
                    add(Rule.DROP_NOT_NULL, a.table() + "." + a.name());
                }
                if (a.type() != null) {
                    String before = columnTypes.getOrDefault(a.table(), Map.of()).get(a.name());
                    if (before == null || !TypeRules.safeCast(before, TypeRules.normalize(a.type()))
                            || !TypeRules.trivialUsing(a.using(), a.name())) {
                        add(Rule.TYPE_REWRITE, a.table() + "." + a.name() + " " + (before == null ? "?" : before) + " -> " + a.type());
                    }
                }
            }
            if (a.type() != null && TypeRules.isChar(TypeRules.normalize(a.type()))) {
                add(Rule.CHAR_TYPE, a.table() + "." + a.name());
            }
            if (a.type() != null) {
                columnTypes.computeIfAbsent(a.table(), k -> new HashMap<>()).put(a.name(), TypeRules.normalize(a.type()));
            }
            return schema();
        }

        @Override
        public Void visit(AddForeignKey f) {
            if (s.existing(f.table()) && !f.notValid()) {
                add(Rule.CONSTRAINT_NOT_VALID, f.name() + " on " + f.table());
            }
            if (f.notValid() && !step.outside()) {
                s.notValidInTransaction.add(f.table() + "." + f.name());
            }
            return schema();
        }

        @Override
        public Void visit(AddUniqueConstraint u) {
            if (s.existing(u.table()) && u.usingIndex() == null) {
                add(Rule.UNIQUE_CONSTRAINT, u.name() + " on " + u.table());
            }
            return schema();
        }

        @Override
        public Void visit(AddCheckConstraint c) {
            if (s.existing(c.table()) && !c.notValid()) {
                add(Rule.CONSTRAINT_NOT_VALID, c.name() + " on " + c.table());
            }
            if (c.notValid() && !step.outside()) {
                s.notValidInTransaction.add(c.table() + "." + c.name());
            }
            Matcher m = NOT_NULL_CHECK.matcher(c.check().strip());
            if (m.matches()) {
                String key = c.table() + "." + m.group(1).toLowerCase(Locale.ROOT);
                if (c.notValid()) {
                    pendingChecks.put(c.name(), key);
                } else {
                    notNullChecked.add(key);
                }
            }
            return schema();
        }

        @Override
        public Void visit(ValidateConstraint v) {
            if (!step.outside() && s.notValidInTransaction.contains(v.table() + "." + v.name())) {
                add(Rule.CONSTRAINT_NOT_VALID, v.name() + " on " + v.table()
                        + " validated in the transaction that added it NOT VALID: the table stays locked while it is checked");
            }
            String key = pendingChecks.remove(v.name());
            if (key != null) {
                notNullChecked.add(key);
            }
            return schema();
        }

        @Override
        public Void visit(DropConstraint op) {
            return schema();
        }

        @Override
        public Void visit(CreateEnum op) {
            return schema();
        }

        @Override
        public Void visit(AddEnumValue e) {
            if (pgVersion < 12 && !step.outside()) {
                add(Rule.ENUM_VALUE_IN_TRANSACTION, e.name() + " ADD VALUE " + e.value());
            }
            return schema();
        }

        @Override
        public Void visit(DropEnum op) {
            return schema();
        }

        @Override
        public Void visit(CreateExtension op) {
            return schema();
        }

        @Override
        public Void visit(DropExtension op) {
            return schema();
        }

        @Override
        public Void visit(CreateSchema cs) {
            s.newSchemas.add(cs.name());
            return schema();
        }

        @Override
        public Void visit(DropSchema d) {
            if (!s.newSchemas.contains(d.name())) {
                add(Rule.DROP_SCHEMA, d.name() + (d.cascade() ? " CASCADE" : ""));
            }
            return schema();
        }

        @Override
        public Void visit(BulkInsert op) {
            return data();
        }

        @Override
        public Void visit(CreateHypertable h) {
            hypertables.add(h.table());
            return schema();
        }

        @Override
        public Void visit(AddRetentionPolicy op) {
            return schema();
        }

        @Override
        public Void visit(AddCompressionPolicy op) {
            return schema();
        }

        @Override
        public Void visit(Backfill op) {
            return data();
        }

        @Override
        public Void visit(SetComment op) {
            return schema();
        }

        @Override
        public Void visit(RenameIndex op) {
            return schema();
        }

        @Override
        public Void visit(RenameConstraint op) {
            return schema();
        }
    }
}
