package dev.retort.internal.dialect;

import dev.retort.spi.CreateHypertable;
import dev.retort.spi.TimescalePolicy;

import java.util.List;

import static dev.retort.internal.dialect.Identifiers.check;
import static dev.retort.internal.dialect.Names.table;

/** TimescaleDB's function calls: create_hypertable and the retention and compression policies. */
final class TimescaleSql {
    private TimescaleSql() {
    }

    static Statement hypertable(CreateHypertable h) {
        String column = check("column", h.timeColumn());
        StringBuilder sb = new StringBuilder("SELECT create_hypertable(").append(regclass(h.schema(), h.table())).append(", ");
        if (h.byRange()) {
            sb.append("by_range(").append(Literals.string(column));
            if (h.chunkInterval() != null) {
                sb.append(", ").append(interval(h.chunkInterval()));
            }
            sb.append(')');
        } else {
            sb.append(Literals.string(column));
            if (h.chunkInterval() != null) {
                sb.append(", chunk_time_interval => ").append(interval(h.chunkInterval()));
            }
        }
        if (h.ifNotExists()) {
            sb.append(", if_not_exists => TRUE");
        }
        if (h.migrateData()) {
            sb.append(", migrate_data => TRUE");
        }
        return Statement.of(sb.append(')').toString());
    }

    // a compression policy needs compression switched on for the table first; removing it leaves that as it is
    static List<Statement> policy(TimescalePolicy p) {
        String relation = regclass(p.schema(), p.table());
        if (p.change() == TimescalePolicy.Change.REMOVE) {
            return List.of(Statement.of("SELECT remove_" + p.kind().word() + "_policy(" + relation + ", if_exists => TRUE)"));
        }
        Statement add = Statement.of("SELECT add_" + p.kind().word() + "_policy(" + relation + ", " + interval(p.after()) + ")");
        return p.kind() == TimescalePolicy.Kind.COMPRESSION
                ? List.of(Statement.of("ALTER TABLE " + table(p.schema(), p.table()) + " SET (timescaledb.compress = true)"), add)
                : List.of(add);
    }

    private static String regclass(String schema, String table) {
        return Literals.string(table(schema, table));
    }

    // the record checked the text is an interval's words and digits
    private static String interval(String text) {
        return "INTERVAL " + Literals.string(text);
    }
}
