package dev.retort.internal.autogen;

import dev.retort.internal.autogen.Catalog.Column;
import dev.retort.internal.autogen.Catalog.ConstraintKind;
import dev.retort.internal.autogen.Catalog.Constraint;
import dev.retort.internal.autogen.Catalog.IdentityKind;
import dev.retort.internal.autogen.Catalog.Index;
import dev.retort.internal.autogen.Catalog.Table;
import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.ColumnDef;
import dev.retort.spi.CreateIndex;
import dev.retort.spi.CreateTable;
import dev.retort.spi.Operation;
import dev.retort.spi.TableConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operations that create a catalog object the way a person writes them in the DSL. */
final class CatalogOperations {
    // format_type's long names as people write them
    private static final String[][] ALIASES = {{"timestamp with time zone", "timestamptz"}, {"timestamp without time zone", "timestamp"},
            {"time with time zone", "timetz"}, {"time without time zone", "time"}, {"character varying", "varchar"},
            {"character(", "char("}, {"bit varying", "varbit"}};
    private static final Pattern STRING_DEFAULT = Pattern.compile("'((?:[^']|'')*)'::([a-z_][a-z0-9_ ]*)");

    private final String schema;

    CatalogOperations(String schema) {
        this.schema = schema;
    }

    /**
     * The createTable of {@code t} (single-column primary key on its column, other constraints inline)
     * followed by its indexes in {@code catalog}; a foreign key {@code inlineForeignKey} refuses goes to
     * {@code deferred} as an addForeignKey instead.
     */
    List<Operation> createTable(Table t, Catalog catalog, Predicate<Constraint> inlineForeignKey, List<Operation> deferred) {
        List<TableConstraint> inline = new ArrayList<>();
        String pkColumn = null;
        for (Constraint c : t.constraints().values()) {
            if (c.kind() == ConstraintKind.PRIMARY_KEY && c.columns().size() == 1 && c.name().equals(t.name() + "_pkey")) {
                pkColumn = c.columns().get(0);
            } else if (c.kind() == ConstraintKind.FOREIGN_KEY && !inlineForeignKey.test(c)) {
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

    /** The operation that adds {@code c} to its table; null for a kind the DSL cannot write (primary key, exclusion). */
    Operation addConstraint(Constraint c) {
        return switch (c.kind()) {
            case UNIQUE -> new AddUniqueConstraint(schema, c.name(), c.table(), c.columns(), null);
            case CHECK -> new AddCheckConstraint(schema, c.name(), c.table(), checkExpression(c), !c.validated());
            case FOREIGN_KEY -> new AddForeignKey(schema, c.name(), c.table(), c.columns(), c.refTable(), c.refColumns(),
                    c.onDelete(), c.onUpdate(), !c.validated());
            case PRIMARY_KEY, EXCLUSION, TRIGGER, NOT_NULL -> null;
        };
    }

    private TableConstraint tableConstraint(String table, Constraint c) {
        return switch (c.kind()) {
            case PRIMARY_KEY -> new TableConstraint.PrimaryKey(c.name().equals(table + "_pkey") ? null : c.name(), c.columns());
            case UNIQUE -> new TableConstraint.Unique(c.name().equals(defaultName(table, c.columns(), "key")) ? null : c.name(),
                    c.columns());
            case CHECK -> new TableConstraint.Check(c.name(), checkExpression(c));
            case FOREIGN_KEY -> new TableConstraint.ForeignKey(c.name().equals(defaultName(table, c.columns(), "fkey")) ? null
                    : c.name(), c.columns(), c.refTable(), c.refColumns(), c.onDelete(), c.onUpdate());
            case EXCLUSION, TRIGGER, NOT_NULL -> null;
        };
    }

    /** PostgreSQL's own name for an unnamed constraint (when it fits in 63 characters). */
    static String defaultName(String table, List<String> columns, String suffix) {
        return table + "_" + String.join("_", columns) + "_" + suffix;
    }

    private static String checkExpression(Constraint c) {
        String def = c.definition().replaceFirst(" NOT VALID$", "");
        return dev.retort.internal.dialect.CheckExpressions.reapplicable(unwrap(unwrap(def.startsWith("CHECK ") ? def.substring(6) : def)));
    }

    /** {@code (a > 0)} as {@code a > 0}: only when the outer parentheses enclose the whole text. */
    static String unwrap(String expression) {
        if (expression == null || !expression.startsWith("(") || IndexText.matching(expression, 0) != expression.length() - 1) {
            return expression;
        }
        return expression.substring(1, expression.length() - 1);
    }

    CreateIndex createIndex(Index i, boolean concurrently) {
        return new CreateIndex(schema, i.name(), i.table(), i.keyColumns(), i.keyColumns() == null ? i.keys() : null, i.unique(),
                unwrap(i.where()), "btree".equals(i.method()) ? null : i.method(), i.include(), concurrently, false);
    }

    ColumnDef columnDef(Column c, boolean primaryKey) {
        Object literal = c.serial() ? null : literalDefault(c);
        String defaultSql = c.serial() || literal != null ? null : c.defaultSql();
        return new ColumnDef(c.name(), dslType(c), c.notNull() && !primaryKey ? Boolean.FALSE : null, literal, defaultSql,
                primaryKey, false, c.identity() != IdentityKind.NONE, null, null, c.comment());
    }

    /** The column's type as the DSL spells it: short names, and serial for a column its own sequence fills. */
    static String dslType(Column c) {
        if (c.serial()) {
            return switch (c.type()) {
                case "integer" -> "serial";
                case "bigint" -> "bigserial";
                case "smallint" -> "smallserial";
                default -> c.type();
            };
        }
        String t = c.type();
        for (String[] alias : ALIASES) {
            if (t.startsWith(alias[0])) {
                return alias[1] + t.substring(alias[0].length());
            }
        }
        return t;
    }

    /** {@code 'light'::character varying} as the string {@code light}, when the cast is to the column's own type. */
    static Object literalDefault(Column c) {
        if (c.defaultSql() == null) {
            return null;
        }
        Matcher m = STRING_DEFAULT.matcher(c.defaultSql());
        if (m.matches() && m.group(2).equals(baseType(c.type()))) {
            return m.group(1).replace("''", "'");
        }
        return null;
    }

    /** The type without its modifiers: {@code character varying(20)} as {@code character varying}. */
    static String baseType(String type) {
        return type.replaceAll("\\(.*\\)", "");
    }
}
