package dev.retort.internal.dialect;

import dev.retort.spi.AddCompressionPolicy;
import dev.retort.spi.AddRetentionPolicy;
import dev.retort.spi.CreateHypertable;

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

    static Statement retention(AddRetentionPolicy p) {
        return Statement.of(p.remove() ? "SELECT remove_retention_policy(" + regclass(p.schema(), p.table()) + ", if_exists => TRUE)"
                : "SELECT add_retention_policy(" + regclass(p.schema(), p.table()) + ", " + interval(p.dropAfter()) + ")");
    }

    static List<Statement> compression(AddCompressionPolicy p) {
        if (p.remove()) {
            return List.of(Statement.of("SELECT remove_compression_policy(" + regclass(p.schema(), p.table()) + ", if_exists => TRUE)"));
        }
        return List.of(Statement.of("ALTER TABLE " + table(p.schema(), p.table()) + " SET (timescaledb.compress = true)"),
                Statement.of("SELECT add_compression_policy(" + regclass(p.schema(), p.table()) + ", "
                        + interval(p.compressAfter()) + ")"));
    }

    private static String regclass(String schema, String table) {
        return Literals.string(table(schema, table));
    }

    // the record checked the text is an interval's words and digits
    private static String interval(String text) {
        return "INTERVAL " + Literals.string(text);
    }
}
