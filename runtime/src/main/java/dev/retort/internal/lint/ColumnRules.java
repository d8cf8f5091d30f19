package dev.retort.internal.lint;

import dev.retort.Revision;
import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.ColumnDef;
import dev.retort.spi.CreateTable;
import dev.retort.spi.TableConstraint;

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
 * The column rules, and what they remember across revisions: each column's type (is a type change a rewrite?)
 * and which columns a validated {@code IS NOT NULL} check covers (SET NOT NULL then needs no scan on 12+).
 */
final class ColumnRules {
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("(?i)^\\(*\\s*\"?(\\w+)\"?\\s+IS\\s+NOT\\s+NULL\\s*\\)*$");
    private static final Pattern SMALL_KEY = Pattern.compile("serial|serial4|serial8|bigserial|smallserial|int|integer|int4|smallint|int2");

    private final int pgVersion;
    private final Map<String, Map<String, String>> columnTypes = new HashMap<>();
    private final Set<String> notNullChecked = new HashSet<>();   // "table.column" with a validated IS NOT NULL check
    private final Map<String, String> pendingChecks = new HashMap<>(); // constraint name -> table.column, NOT VALID

    ColumnRules(int pgVersion) {
        this.pgVersion = pgVersion;
    }

    private static void add(List<Finding> out, Revision r, int line, Rule rule, String detail) {
        out.add(new Finding(r.id(), r.file(), line, rule, true, detail));
    }

    private static void add(List<Finding> out, Revision r, int line, String table, Rule rule, String detail) {
        out.add(new Finding(r.id(), r.file(), line, rule, true, detail).on(table));
    }

    void createTable(CreateTable t, Revision r, int line, List<Finding> out) {
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
                add(out, r, line, Rule.SERIAL_OR_INT_PK, t.name() + "." + c.name() + " " + c.type());
            }
        }
    }

    void dropTable(String table) {
        columnTypes.remove(table);
    }

    /** A column added; {@code existing} when its table was there before this migration. */
    void addColumn(String table, ColumnDef c, boolean existing, Revision r, int line, List<Finding> out) {
        columnTypes.computeIfAbsent(table, k -> new HashMap<>()).put(c.name(), TypeRules.normalize(c.type()));
        TypeRules.findings(r, line, table, c, out);
        if (!existing) {
            return;
        }
        boolean hasDefault = c.defaultValue() != null || c.defaultSql() != null || c.identity();
        if (Boolean.FALSE.equals(c.nullable()) && !hasDefault) {
            add(out, r, line, table, Rule.NOT_NULL_WITHOUT_DEFAULT, table + "." + c.name());
        }
        String volatileCall = TypeRules.volatileCall(c.defaultSql());
        if (volatileCall != null || hasDefault && pgVersion < 11) {
            add(out, r, line, table, Rule.VOLATILE_DEFAULT, table + "." + c.name() + " DEFAULT "
                    + (c.defaultSql() != null ? c.defaultSql() : String.valueOf(c.defaultValue())));
        } else if (c.identity() || TypeRules.isSerial(TypeRules.normalize(c.type()))) {
            add(out, r, line, table, Rule.VOLATILE_DEFAULT, table + "." + c.name() + " " + (c.identity() ? "identity" : c.type())
                    + ": every existing row gets a new value");
        }
        if (c.unique() && !c.primaryKey()) {
            add(out, r, line, table, Rule.UNIQUE_CONSTRAINT, "UNIQUE column " + table + "." + c.name());
        }
        if (c.primaryKey()) {
            add(out, r, line, table, Rule.ADD_PRIMARY_KEY, table + "." + c.name());
        }
        if (c.references() != null) {
            add(out, r, line, table, Rule.CONSTRAINT_NOT_VALID, "foreign key of " + table + "." + c.name());
        }
    }

    /** A column altered; {@code existing} when its table was there before this migration. */
    void alterColumn(AlterColumn a, boolean existing, Revision r, int line, List<Finding> out) {
        if (existing) {
            if (Boolean.FALSE.equals(a.nullable()) && !(pgVersion >= 12 && notNullChecked.contains(a.table() + "." + a.name()))) {
                add(out, r, line, a.table(), Rule.SET_NOT_NULL, a.table() + "." + a.name());
            }
            if (Boolean.TRUE.equals(a.nullable())) {
                add(out, r, line, a.table(), Rule.DROP_NOT_NULL, a.table() + "." + a.name());
            }
            if (a.type() != null) {
                String before = columnTypes.getOrDefault(a.table(), Map.of()).get(a.name());
                if (before == null || !TypeRules.safeCast(before, TypeRules.normalize(a.type()))
                        || !TypeRules.trivialUsing(a.using(), a.name())) {
                    add(out, r, line, a.table(), Rule.TYPE_REWRITE, a.table() + "." + a.name() + " " + (before == null ? "?" : before)
                            + " -> " + a.type());
                }
            }
        }
        if (a.type() != null && TypeRules.isChar(TypeRules.normalize(a.type()))) {
            add(out, r, line, a.table(), Rule.CHAR_TYPE, a.table() + "." + a.name());
        }
        if (a.type() != null) {
            columnTypes.computeIfAbsent(a.table(), k -> new HashMap<>()).put(a.name(), TypeRules.normalize(a.type()));
        }
    }

    /** A check constraint: an {@code x IS NOT NULL} one covers x once it is validated. */
    void check(AddCheckConstraint c) {
        Matcher m = NOT_NULL_CHECK.matcher(c.check().strip());
        if (m.matches()) {
            String key = c.table() + "." + m.group(1).toLowerCase(Locale.ROOT);
            if (c.notValid()) {
                pendingChecks.put(c.name(), key);
            } else {
                notNullChecked.add(key);
            }
        }
    }

    void validated(String constraint) {
        String key = pendingChecks.remove(constraint);
        if (key != null) {
            notNullChecked.add(key);
        }
    }
}
