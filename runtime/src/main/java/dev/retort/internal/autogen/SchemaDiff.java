package dev.retort.internal.autogen;

import dev.retort.internal.autogen.Catalog.Column;
import dev.retort.internal.autogen.Catalog.Constraint;
import dev.retort.internal.autogen.Catalog.Index;
import dev.retort.internal.autogen.Catalog.Table;
import dev.retort.internal.autogen.Change.Stage;
import dev.retort.internal.dialect.PostgresDialect;
import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AddEnumValue;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.ColumnDef;
import dev.retort.spi.CreateEnum;
import dev.retort.spi.CreateExtension;
import dev.retort.spi.CreateIndex;
import dev.retort.spi.CreateTable;
import dev.retort.spi.DropColumn;
import dev.retort.spi.DropConstraint;
import dev.retort.spi.DropEnum;
import dev.retort.spi.DropExtension;
import dev.retort.spi.DropIndex;
import dev.retort.spi.DropTable;
import dev.retort.spi.Operation;
import dev.retort.spi.RenameColumn;
import dev.retort.spi.RenameConstraint;
import dev.retort.spi.RenameIndex;
import dev.retort.spi.RenameTable;
import dev.retort.spi.SetComment;
import dev.retort.spi.Sql;
import dev.retort.spi.TableConstraint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changes that turn catalog {@code from} into catalog {@code to}, each with its reverse, in an order
 * that applies: extensions and enums first, then renames, drops of what changed, new tables (referenced
 * ones first), columns, constraints, indexes, and the drops last. A dropped and an added column (or
 * table) of the same shape are a rename, marked as a guess.
 */
public final class SchemaDiff {
    // format_type's long names as people write them
    private static final String[][] ALIASES = {{"timestamp with time zone", "timestamptz"}, {"timestamp without time zone", "timestamp"},
            {"time with time zone", "timetz"}, {"time without time zone", "time"}, {"character varying", "varchar"},
            {"character(", "char("}, {"bit varying", "varbit"}};
    private static final Pattern STRING_DEFAULT = Pattern.compile("'((?:[^']|'')*)'::([a-z_][a-z0-9_ ]*)");

    private final Catalog from;
    private final Catalog to;
    private final String fromLabel;
    private final String toLabel;
    private final String schema;
    private final PostgresDialect dialect = new PostgresDialect();
    private final List<Change> changes = new ArrayList<>();

    private SchemaDiff(Catalog from, Catalog to, String fromLabel, String toLabel) {
        this.from = from;
        this.to = to;
        this.fromLabel = fromLabel;
        this.toLabel = toLabel;
        this.schema = "public".equals(to.schema()) ? null : to.schema();
    }

    /** The changes from {@code from} to {@code to}, ordered; the labels name each side in descriptions. */
    public static List<Change> between(Catalog from, Catalog to, String fromLabel, String toLabel) {
        SchemaDiff d = new SchemaDiff(from, to, fromLabel, toLabel);
        d.run();
        List<Change> out = new ArrayList<>(d.changes);
        out.sort(Comparator.comparing(Change::stage)); // stable: keeps the order within a stage
        return out;
    }

    private void add(Stage stage, String description, List<Operation> up, List<Operation> down, String review) {
        changes.add(new Change(stage, description, up, down, review, false));
    }

    private void run() {
        extensions();
        Map<String, String> renamedTables = tableRenames();
        enums();
        Set<String> newTables = new LinkedHashSet<>(to.tables().keySet());
        newTables.removeAll(from.tables().keySet());
        newTables.removeAll(renamedTables.values());
        Set<String> droppedTables = new LinkedHashSet<>(from.tables().keySet());
        droppedTables.removeAll(to.tables().keySet());
        droppedTables.removeAll(renamedTables.keySet());
        createTables(newTables);
        for (Table t : to.tables().values()) {
            String old = renamedTables.entrySet().stream().filter(e -> e.getValue().equals(t.name())).map(Map.Entry::getKey)
                    .findFirst().orElse(t.name());
            Table before = from.tables().get(old);
            if (before != null) {
                table(before, t);
            }
        }
        indexes(droppedTables, newTables, renamedTables);
        dropTables(droppedTables);
    }

    // ---- extensions and enums ----------------------------------------------------------------

    private void extensions() {
        for (String e : to.extensions()) {
            if (!from.extensions().contains(e)) {
                add(Stage.EXTENSIONS, "extension '" + e + "': in " + toLabel + ", not in " + fromLabel,
                        List.of(new CreateExtension(e, true, null)), List.of(new DropExtension(e, true)), null);
            }
        }
        for (String e : from.extensions()) {
            if (!to.extensions().contains(e)) {
                add(Stage.DROP_EXTENSIONS, "extension '" + e + "': in " + fromLabel + ", not in " + toLabel,
                        List.of(new DropExtension(e, true)), List.of(new CreateExtension(e, true, null)), null);
            }
        }
    }

    private void enums() {
        to.enums().forEach((name, values) -> {
            List<String> old = from.enums().get(name);
            if (old == null) {
                add(Stage.ENUMS, "enum '" + name + "': in " + toLabel + ", not in " + fromLabel,
                        List.of(new CreateEnum(schema, name, values)), List.of(new DropEnum(schema, name, false)), null);
            } else if (!old.equals(values)) {
                if (isSubsequence(old, values)) {
                    List<Operation> up = new ArrayList<>();
                    for (int i = 0; i < values.size(); i++) {
                        String v = values.get(i);
                        if (!old.contains(v)) {
                            up.add(i == 0 ? new AddEnumValue(schema, name, v, values.get(1), null, false)
                                    : new AddEnumValue(schema, name, v, null, values.get(i - 1), false));
                        }
                    }
                    List<String> added = values.stream().filter(v -> !old.contains(v)).toList();
                    add(Stage.ENUMS, "enum '" + name + "': " + quoted(added) + " in " + toLabel + ", not in " + fromLabel, up,
                            List.of(recreate(name, old, from)),
                            null);
                } else {
                    List<String> removed = old.stream().filter(v -> !values.contains(v)).toList();
                    add(Stage.CHANGE_ENUMS, "enum '" + name + "': " + (removed.isEmpty() ? "labels in another order"
                                    : quoted(removed) + " in " + fromLabel + ", not in " + toLabel),
                            List.of(recreate(name, values, to)), List.of(recreate(name, old, from)),
                            "PostgreSQL cannot drop or reorder enum labels: this recreates '" + name + "'. Move rows off "
                                    + (removed.isEmpty() ? "nothing" : quoted(removed)) + " first, and drop and re-create indexes or checks"
                                    + " that compare these columns with a label");
                }
            }
        });
        from.enums().forEach((name, values) -> {
            if (!to.enums().containsKey(name)) {
                add(Stage.DROP_ENUMS, "enum '" + name + "': in " + fromLabel + ", not in " + toLabel,
                        List.of(new DropEnum(schema, name, false)), List.of(new CreateEnum(schema, name, values)), null);
            }
        });
    }

    private Sql recreate(String name, List<String> values, Catalog state) {
        List<PostgresDialect.EnumColumn> columns = new ArrayList<>();
        for (Table t : state.tables().values()) {
            for (Column c : t.columns()) {
                if (c.type().equals(name) || c.type().equals(to.schema() + "." + name)) {
                    columns.add(new PostgresDialect.EnumColumn(t.name(), c.name(), c.defaultSql()));
                }
            }
        }
        Pattern mention = Pattern.compile("::(" + Pattern.quote(to.schema()) + "\\.)?\"?" + Pattern.quote(name) + "\\b");
        List<PostgresDialect.EnumDependent> dependents = new ArrayList<>();
        for (Index i : state.indexes().values()) {
            if (mention.matcher(i.definition()).find()) {
                dependents.add(new PostgresDialect.EnumDependent(i.table(), i.name(), false, i.definition()));
            }
        }
        for (Table t : state.tables().values()) {
            for (Constraint c : t.constraints().values()) {
                if (c.type() == 'c' && mention.matcher(c.definition()).find()) {
                    dependents.add(new PostgresDialect.EnumDependent(t.name(), c.name(), true, c.definition()));
                }
            }
        }
        return new Sql(dialect.recreateEnum(schema, name, values, columns, dependents), null);
    }

    private static boolean isSubsequence(List<String> small, List<String> big) {
        int i = 0;
        for (String v : big) {
            if (i < small.size() && small.get(i).equals(v)) {
                i++;
            }
        }
        return i == small.size();
    }

    // ---- tables ------------------------------------------------------------------------------

    private Map<String, String> tableRenames() {
        Map<String, String> renames = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Table added : to.tables().values()) {
            if (from.tables().containsKey(added.name())) {
                continue;
            }
            for (Table dropped : from.tables().values()) {
                if (!to.tables().containsKey(dropped.name()) && !taken.contains(dropped.name())
                        && shapes(dropped).equals(shapes(added))) {
                    taken.add(dropped.name());
                    renames.put(dropped.name(), added.name());
                    changes.add(new Change(Stage.RENAMES, "table '" + dropped.name() + "' in " + fromLabel + " is '" + added.name()
                            + "' in " + toLabel + " (a rename?)", List.of(new RenameTable(schema, dropped.name(), added.name())),
                            List.of(new RenameTable(schema, added.name(), dropped.name())),
                            "Retort guessed that '" + dropped.name() + "' was renamed to '" + added.name() + "' (same columns)."
                                    + " If '" + added.name() + "' is a new table, replace this with createTable and dropTable", true));
                    break;
                }
            }
        }
        return renames;
    }

    private static List<String> shapes(Table t) {
        return t.columns().stream().map(c -> c.name() + " " + c.type() + " " + c.notNull()).toList();
    }

    private void createTables(Set<String> newTables) {
        Set<String> available = new HashSet<>(from.tables().keySet());
        List<String> pending = new ArrayList<>(newTables);
        while (!pending.isEmpty()) {
            String next = pending.stream().filter(n -> references(to.tables().get(n)).stream()
                    .allMatch(r -> r.equals(n) || available.contains(r) || !newTables.contains(r))).findFirst().orElse(pending.get(0));
            pending.remove(next);
            Table t = to.tables().get(next);
            List<Operation> deferred = new ArrayList<>();
            List<Operation> up = build(t, to, c -> c.refTable().equals(next) || available.contains(c.refTable()), deferred);
            add(Stage.CREATE_TABLES, "table '" + t.name() + "': in " + toLabel + ", not in " + fromLabel, up,
                    List.of(new DropTable(schema, t.name(), false, false)), review(t));
            for (Operation f : deferred) {
                AddForeignKey fk = (AddForeignKey) f;
                add(Stage.ADD_CONSTRAINTS, "foreign key '" + fk.name() + "' on '" + t.name() + "'", List.of(f),
                        List.of(new DropConstraint(schema, t.name(), fk.name(), false)), null);
            }
            available.add(next);
        }
    }

    /**
     * The createTable of {@code t} (single-column primary key on its column, other constraints inline)
     * followed by its indexes in {@code catalog}; a foreign key {@code inlineForeignKey} refuses goes to
     * {@code deferred} as an addForeignKey instead.
     */
    private List<Operation> build(Table t, Catalog catalog, java.util.function.Predicate<Constraint> inlineForeignKey,
                                  List<Operation> deferred) {
        List<TableConstraint> inline = new ArrayList<>();
        String pkColumn = null;
        for (Constraint c : t.constraints().values()) {
            if (c.type() == 'p' && c.columns().size() == 1 && c.name().equals(t.name() + "_pkey")) {
                pkColumn = c.columns().get(0);
            } else if (c.type() == 'f' && !inlineForeignKey.test(c)) {
                deferred.add(addConstraint(c));
            } else {
                TableConstraint tc = tableConstraint(t.name(), c);
                if (tc != null) {
                    inline.add(tc);
                }
            }
        }
        List<ColumnDef> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            columns.add(columnDef(c, c.name().equals(pkColumn)));
        }
        List<Operation> out = new ArrayList<>();
        out.add(new CreateTable(schema, t.name(), columns, inline, false, t.comment()));
        for (Index i : catalog.indexes().values()) {
            if (i.table().equals(t.name())) {
                out.add(createIndex(i, false));
            }
        }
        return out;
    }

    private String review(Table t) {
        List<String> notes = new ArrayList<>();
        for (Column c : t.columns()) {
            if (c.identity().equals("a")) {
                notes.add("'" + t.name() + "." + c.name() + "' is GENERATED ALWAYS AS IDENTITY; the DSL writes BY DEFAULT");
            }
        }
        for (Constraint c : t.constraints().values()) {
            if (c.type() == 'x') {
                notes.add("exclusion constraint '" + c.name() + "' is not generated; add it with sql");
            }
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private static Set<String> references(Table t) {
        Set<String> out = new LinkedHashSet<>();
        for (Constraint c : t.constraints().values()) {
            if (c.type() == 'f') {
                out.add(c.refTable());
            }
        }
        return out;
    }

    private void dropTables(Set<String> droppedTables) {
        // referencing tables first: a table cannot be dropped while another still points at it
        List<String> order = new ArrayList<>();
        List<String> pending = new ArrayList<>(droppedTables);
        while (!pending.isEmpty()) {
            String next = pending.stream().filter(n -> pending.stream().noneMatch(o -> !o.equals(n)
                    && references(from.tables().get(o)).contains(n))).findFirst().orElse(pending.get(0));
            pending.remove(next);
            order.add(next);
        }
        for (String name : order) {
            Table t = from.tables().get(name);
            List<Operation> down = build(t, from, c -> true, new ArrayList<>());
            add(Stage.DROP_TABLES, "table '" + name + "': in " + fromLabel + ", not in " + toLabel,
                    List.of(new DropTable(schema, name, false, false)), down,
                    "dropping '" + name + "' loses its rows; the downgrade re-creates it empty");
        }
    }

    // ---- columns and constraints of a table in both ------------------------------------------

    private void table(Table before, Table after) {
        String t = after.name();
        Set<String> renamedFrom = new HashSet<>();
        Set<String> renamedTo = new HashSet<>();
        for (Column added : after.columns()) {
            if (before.column(added.name()) != null) {
                continue;
            }
            for (Column dropped : before.columns()) {
                if (after.column(dropped.name()) == null && !renamedFrom.contains(dropped.name())
                        && dropped.shape().equals(added.shape())) {
                    renamedFrom.add(dropped.name());
                    renamedTo.add(added.name());
                    changes.add(new Change(Stage.RENAMES, "column '" + t + "." + dropped.name() + "' in " + fromLabel + " is '"
                            + t + "." + added.name() + "' in " + toLabel + " (a rename?)",
                            List.of(new RenameColumn(schema, t, dropped.name(), added.name())),
                            List.of(new RenameColumn(schema, t, added.name(), dropped.name())),
                            "Retort guessed that '" + dropped.name() + "' was renamed to '" + added.name() + "' (same type). If '"
                                    + added.name() + "' is a new column, replace this with addColumn and dropColumn", true));
                    break;
                }
            }
        }
        for (Column c : after.columns()) {
            Column old = before.column(c.name());
            if (old == null && !renamedTo.contains(c.name())) {
                String review = c.notNull() && c.defaultSql() == null && !c.serial() && c.identity().isEmpty()
                        ? "'" + t + "." + c.name() + "' is NOT NULL with no default: this fails if '" + t + "' has rows;"
                        + " add it nullable, backfill, then set NOT NULL" : null;
                add(Stage.COLUMNS, "column '" + t + "." + c.name() + "': in " + toLabel + ", not in " + fromLabel,
                        List.of(new AddColumn(schema, t, columnDef(c, false))), List.of(new DropColumn(schema, t, c.name(), false)), review);
            } else if (old != null) {
                column(t, old, c);
            }
        }
        for (Column old : before.columns()) {
            if (after.column(old.name()) == null && !renamedFrom.contains(old.name())) {
                add(Stage.DROP_COLUMNS, "column '" + t + "." + old.name() + "': in " + fromLabel + ", not in " + toLabel,
                        List.of(new DropColumn(schema, t, old.name(), false)), List.of(new AddColumn(schema, t, columnDef(old, false))),
                        "dropping '" + t + "." + old.name() + "' loses its data; the downgrade adds it back empty");
            }
        }
        if (!Objects.equals(before.comment(), after.comment())) {
            add(Stage.COLUMNS, "table '" + t + "': comment differs", List.of(new SetComment(schema, t, null, after.comment())),
                    List.of(new SetComment(schema, t, null, before.comment())), null);
        }
        constraints(before, after);
    }

    private void column(String t, Column old, Column c) {
        String name = t + "." + c.name();
        List<String> what = new ArrayList<>();
        boolean retype = !old.type().equals(c.type());
        boolean renull = old.notNull() != c.notNull();
        boolean redefault = !Objects.equals(old.comparableDefault(), c.comparableDefault());
        if (retype) {
            what.add("type " + old.type() + " in " + fromLabel + ", " + c.type() + " in " + toLabel);
        }
        if (renull) {
            what.add((old.notNull() ? "NOT NULL" : "nullable") + " in " + fromLabel + ", " + (c.notNull() ? "NOT NULL" : "nullable")
                    + " in " + toLabel);
        }
        if (redefault) {
            what.add("default " + (old.serial() ? "serial" : old.defaultSql()) + " in " + fromLabel + ", "
                    + (c.serial() ? "serial" : c.defaultSql()) + " in " + toLabel);
        }
        if (retype || renull || redefault) {
            String review = null;
            if (retype && !base(old.type()).equals(base(c.type()))) {
                review = "'" + name + "' changes type from " + old.type() + " to " + c.type() + ": check the USING cast for existing rows"
                        + " (and that the rewrite's lock is acceptable)";
            } else if (renull && c.notNull()) {
                review = "SET NOT NULL on '" + name + "' fails while rows hold NULL, and scans the table under lock";
            }
            add(Stage.COLUMNS, "column '" + name + "': " + String.join("; ", what),
                    List.of(alter(t, old, c, retype, renull, redefault)), List.of(alter(t, c, old, retype, renull, redefault)), review);
        }
        if (!old.identity().equals(c.identity())) {
            add(Stage.MANUAL, "column '" + name + "': identity '" + old.identity() + "' in " + fromLabel + ", '" + c.identity() + "' in "
                    + toLabel, List.of(), List.of(), "identity of '" + name + "' differs: change it by hand with sql");
        }
        if (!Objects.equals(old.comment(), c.comment())) {
            add(Stage.COLUMNS, "column '" + name + "': comment differs", List.of(new SetComment(schema, t, c.name(), c.comment())),
                    List.of(new SetComment(schema, t, c.name(), old.comment())), null);
        }
    }

    private AlterColumn alter(String t, Column old, Column c, boolean retype, boolean renull, boolean redefault) {
        String type = retype ? dslType(c) : null;
        String using = retype && !base(old.type()).equals(base(c.type())) ? dev.retort.internal.dialect.Identifiers.quote(c.name())
                + "::" + c.type() : null;
        Object defaultValue = null;
        String defaultSql = null;
        boolean dropDefault = false;
        if (redefault) {
            if (c.defaultSql() == null) {
                dropDefault = true;
            } else {
                Object literal = literalDefault(c);
                if (literal != null) {
                    defaultValue = literal;
                } else {
                    defaultSql = c.defaultSql();
                }
            }
        }
        return new AlterColumn(schema, t, c.name(), type, using, renull ? !c.notNull() : null, defaultValue, defaultSql, dropDefault);
    }

    private static String base(String type) {
        return type.replaceAll("\\(.*\\)", "");
    }

    private void constraints(Table before, Table after) {
        String t = after.name();
        Map<String, Constraint> onlyBefore = new LinkedHashMap<>(before.constraints());
        Map<String, Constraint> onlyAfter = new LinkedHashMap<>();
        for (Constraint c : after.constraints().values()) {
            Constraint old = onlyBefore.remove(c.name());
            if (old == null) {
                onlyAfter.put(c.name(), c);
            } else if (!old.definition().equals(c.definition())) {
                dropConstraint(t, old, "constraint '" + t + "." + c.name() + "': " + old.definition() + " in " + fromLabel + ", "
                        + c.definition() + " in " + toLabel);
                addConstraint(t, c, null);
            }
        }
        // same definition, another name: a rename (after a table rename, PostgreSQL keeps the old names)
        for (Constraint c : new ArrayList<>(onlyAfter.values())) {
            Constraint old = onlyBefore.values().stream().filter(o -> o.type() == c.type() && o.definition().equals(c.definition()))
                    .findFirst().orElse(null);
            if (old != null) {
                onlyBefore.remove(old.name());
                onlyAfter.remove(c.name());
                add(Stage.RENAMES, "constraint '" + t + "." + old.name() + "' in " + fromLabel + " is '" + c.name() + "' in " + toLabel,
                        List.of(new RenameConstraint(schema, t, old.name(), c.name())),
                        List.of(new RenameConstraint(schema, t, c.name(), old.name())), null);
            }
        }
        for (Constraint old : onlyBefore.values()) {
            dropConstraint(t, old, "constraint '" + t + "." + old.name() + "': in " + fromLabel + ", not in " + toLabel);
        }
        for (Constraint c : onlyAfter.values()) {
            addConstraint(t, c, "constraint '" + t + "." + c.name() + "': in " + toLabel + ", not in " + fromLabel);
        }
    }

    private void dropConstraint(String t, Constraint old, String description) {
        Operation back = addConstraint(old);
        if (back == null) {
            add(Stage.MANUAL, description, List.of(), List.of(), kind(old) + " '" + old.name() + "' on '" + t
                    + "' differs; change it by hand with sql");
            return;
        }
        add(Stage.DROP_CONSTRAINTS, description, List.of(new DropConstraint(schema, t, old.name(), false)), List.of(back), null);
    }

    private void addConstraint(String t, Constraint c, String description) {
        Operation op = addConstraint(c);
        if (op == null) {
            if (description != null) {
                add(Stage.MANUAL, description, List.of(), List.of(), kind(c) + " '" + c.name() + "' on '" + t
                        + "' is not generated; write it by hand with sql");
            }
            return;
        }
        add(Stage.ADD_CONSTRAINTS, description == null ? "constraint '" + t + "." + c.name() + "' re-created" : description,
                List.of(op), List.of(new DropConstraint(schema, t, c.name(), false)), null);
    }

    private static String kind(Constraint c) {
        return switch (c.type()) {
            case 'p' -> "the primary key";
            case 'x' -> "exclusion constraint";
            default -> "constraint";
        };
    }

    private Operation addConstraint(Constraint c) {
        return switch (c.type()) {
            case 'u' -> new AddUniqueConstraint(schema, c.name(), c.table(), c.columns(), null);
            case 'c' -> new AddCheckConstraint(schema, c.name(), c.table(), checkExpression(c), !c.validated());
            case 'f' -> new AddForeignKey(schema, c.name(), c.table(), c.columns(), c.refTable(), c.refColumns(), c.onDelete(),
                    c.onUpdate(), !c.validated());
            default -> null;
        };
    }

    private TableConstraint tableConstraint(String table, Constraint c) {
        return switch (c.type()) {
            case 'p' -> new TableConstraint.PrimaryKey(c.name().equals(table + "_pkey") ? null : c.name(), c.columns());
            case 'u' -> new TableConstraint.Unique(c.name().equals(defaultName(table, c.columns(), "key")) ? null : c.name(), c.columns());
            case 'c' -> new TableConstraint.Check(c.name(), checkExpression(c));
            case 'f' -> new TableConstraint.ForeignKey(c.name().equals(defaultName(table, c.columns(), "fkey")) ? null : c.name(),
                    c.columns(), c.refTable(), c.refColumns(), c.onDelete(), c.onUpdate());
            default -> null;
        };
    }

    /** PostgreSQL's own name for an unnamed constraint (when it fits in 63 characters). */
    static String defaultName(String table, List<String> columns, String suffix) {
        return table + "_" + String.join("_", columns) + "_" + suffix;
    }

    private static String checkExpression(Constraint c) {
        String def = c.definition().replaceFirst(" NOT VALID$", "");
        return unwrap(unwrap(def.startsWith("CHECK ") ? def.substring(6) : def));
    }

    /** {@code (a > 0)} as {@code a > 0}: only when the outer parentheses enclose the whole text. */
    static String unwrap(String expression) {
        if (expression == null || !expression.startsWith("(") || CatalogReader.matching(expression, 0) != expression.length() - 1) {
            return expression;
        }
        return expression.substring(1, expression.length() - 1);
    }

    // ---- indexes -----------------------------------------------------------------------------

    private void indexes(Set<String> droppedTables, Set<String> newTables, Map<String, String> renamedTables) {
        Map<String, Index> onlyBefore = new LinkedHashMap<>();
        for (Index i : from.indexes().values()) {
            if (!droppedTables.contains(i.table())) {
                onlyBefore.put(i.name(), i);
            }
        }
        Map<String, Index> onlyAfter = new LinkedHashMap<>();
        for (Index i : to.indexes().values()) {
            if (newTables.contains(i.table())) {
                continue;
            }
            Index old = onlyBefore.remove(i.name());
            if (old == null) {
                onlyAfter.put(i.name(), i);
            } else if (!old.definition().equals(i.definition()) || !renamedTables.getOrDefault(old.table(), old.table()).equals(i.table())) {
                add(Stage.DROP_INDEXES, "index '" + i.name() + "': " + old.definition() + " in " + fromLabel + ", " + i.definition()
                                + " in " + toLabel, List.of(new DropIndex(schema, old.name(), true, false)),
                        List.of(createIndex(old, true)), null);
                add(Stage.CREATE_INDEXES, "index '" + i.name() + "' re-created", List.of(createIndex(i, true)),
                        List.of(new DropIndex(schema, i.name(), true, false)), null);
            }
        }
        for (Index i : new ArrayList<>(onlyAfter.values())) {
            Index old = onlyBefore.values().stream().filter(o -> o.definition().equals(i.definition())
                    && renamedTables.getOrDefault(o.table(), o.table()).equals(i.table())).findFirst().orElse(null);
            if (old != null) {
                onlyBefore.remove(old.name());
                onlyAfter.remove(i.name());
                add(Stage.RENAMES, "index '" + old.name() + "' in " + fromLabel + " is '" + i.name() + "' in " + toLabel,
                        List.of(new RenameIndex(schema, old.name(), i.name())), List.of(new RenameIndex(schema, i.name(), old.name())), null);
            }
        }
        for (Index old : onlyBefore.values()) {
            add(Stage.DROP_INDEXES, "index '" + old.name() + "': in " + fromLabel + ", not in " + toLabel,
                    List.of(new DropIndex(schema, old.name(), true, false)), List.of(createIndex(old, true)), null);
        }
        for (Index i : onlyAfter.values()) {
            add(Stage.CREATE_INDEXES, "index '" + i.name() + "': in " + toLabel + ", not in " + fromLabel,
                    List.of(createIndex(i, true)), List.of(new DropIndex(schema, i.name(), true, false)), null);
        }
    }

    private CreateIndex createIndex(Index i, boolean concurrently) {
        return new CreateIndex(schema, i.name(), i.table(), i.keyColumns(), i.keyColumns() == null ? i.keys() : null, i.unique(),
                unwrap(i.where()), "btree".equals(i.method()) ? null : i.method(), i.include(), concurrently, false);
    }

    // ---- columns as the DSL writes them ------------------------------------------------------

    private ColumnDef columnDef(Column c, boolean primaryKey) {
        Object literal = c.serial() ? null : literalDefault(c);
        String defaultSql = c.serial() || literal != null ? null : c.defaultSql();
        return new ColumnDef(c.name(), dslType(c), c.notNull() && !primaryKey ? Boolean.FALSE : null, literal, defaultSql,
                primaryKey, false, !c.identity().isEmpty(), null, null, c.comment());
    }

    private static String dslType(Column c) {
        String t = c.type();
        for (String[] alias : ALIASES) {
            if (t.startsWith(alias[0])) {
                t = alias[1] + t.substring(alias[0].length());
                break;
            }
        }
        if (!c.serial()) {
            return t;
        }
        if (c.serial()) {
            return switch (c.type()) {
                case "integer" -> "serial";
                case "bigint" -> "bigserial";
                case "smallint" -> "smallserial";
                default -> c.type();
            };
        }
        return c.type();
    }

    /** {@code 'light'::character varying} as the string {@code light}, when the cast is to the column's own type. */
    static Object literalDefault(Column c) {
        if (c.defaultSql() == null) {
            return null;
        }
        Matcher m = STRING_DEFAULT.matcher(c.defaultSql());
        if (m.matches() && m.group(2).equals(base(c.type()))) {
            return m.group(1).replace("''", "'");
        }
        return null;
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }
}
