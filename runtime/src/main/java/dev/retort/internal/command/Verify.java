package dev.retort.internal.command;

import dev.retort.Direction;
import dev.retort.LockMeasurement;
import dev.retort.Revision;
import dev.retort.SchemaSnapshot;
import dev.retort.UsageException;
import dev.retort.VerifyReport;
import dev.retort.internal.config.DatabaseUrl;
import dev.retort.internal.db.ScratchServer;
import dev.retort.internal.dialect.Identifiers;
import dev.retort.internal.exec.MigrationExecutor;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.sink.JdbcSink;
import dev.retort.internal.sink.MeasuringSink;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.MigrationBody;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that each revision's downgrade undoes its upgrade: from base, each revision in order is upgraded,
 * downgraded (the schema must be as before it) and upgraded again (the schema must be as after its first
 * upgrade). Stops at the first revision that breaks.
 */
public final class Verify {
    private final CommandContext ctx;
    // with --locks: the rows each table gets before a migration is measured (0: none); -1: locks not measured
    private final long seedRows;

    public Verify(CommandContext ctx) {
        this(ctx, -1);
    }

    /**
     * A verify that also measures the locks of each checked revision's first upgrade ({@code verify --locks}), with
     * {@code seedRows} generated rows in every table that exists before it.
     */
    public static Verify measuringLocks(CommandContext ctx, long seedRows) {
        if (seedRows < 0) {
            throw new UsageException("--seed-rows must be zero or more, got " + seedRows);
        }
        return new Verify(ctx, seedRows);
    }

    private Verify(CommandContext ctx, long seedRows) {
        this.ctx = ctx;
        this.seedRows = seedRows;
    }

    /** On a scratch database made for it and removed after; the configured database is never touched. */
    public VerifyReport onScratch(String range) {
        DatabaseUrl url = ctx.config().url();
        if (url == null && ctx.config().connection().dataSource() != null) {
            throw new UsageException("verify needs a URL to make a scratch database on; an application's data source is not enough");
        }
        try (ScratchServer server = ScratchServer.open(url, "point --url at a server where it may")) {
            DatabaseUrl scratchUrl = server.createDatabase("verify");
            // 'current' in the range is the configured database's revision(s), read before moving to the scratch one
            Set<String> wanted = checked(range);
            try (CommandContext scratch = ctx.on(ctx.config().on(scratchUrl, ctx.config().listener()))) {
                return new Verify(scratch, seedRows).check(wanted);
            }
        }
    }

    /** On the configured database, which must be empty. */
    public VerifyReport run(String range) {
        return check(checked(range));
    }

    // the revisions a range names (null: all); 'current' reads this context's database
    private Set<String> checked(String range) {
        List<Revision> order = range == null ? ctx.graph().topological() : new Show(ctx).range(range);
        return new HashSet<>(order.stream().map(Revision::id).toList());
    }

    private VerifyReport check(Set<String> wanted) {
        return ctx.onDatabase("lost the connection to", c -> walk(c, wanted));
    }

    private VerifyReport walk(Connection c, Set<String> wanted) {
        Set<String> own = new HashSet<>();
        List<String> written = new ArrayList<>();
        List<String> ownNames = new ArrayList<>(ctx.ownTables());
        ownNames.add(ctx.config().versionTable() + "_lease");
        for (String t : ownNames) {
            own.add(ctx.config().schema() + "." + t);
            written.add(Identifiers.qualified(ctx.config().schema(), t));
        }
        MeasuringSink meter = seedRows < 0 ? null : new MeasuringSink(new JdbcSink(c), own, written, () -> ctx.database().connect());
        TableSeeder seeder = seedRows > 0 ? new TableSeeder(seedRows, own, ctx.config().listener()) : null;
        List<LockMeasurement> locks = new ArrayList<>();
        VerifyReport report = walk(c, wanted, meter == null ? new JdbcSink(c) : meter, meter, seeder, locks);
        return report.withLocks(locks);
    }

    private VerifyReport walk(Connection c, Set<String> wanted, SqlSink sink, MeasuringSink meter, TableSeeder seeder,
                              List<LockMeasurement> locks) {
        List<String> at = ctx.store().read(c);
        if (!at.isEmpty()) {
            throw new UsageException("verify needs an empty scratch database, but " + ctx.database().describe()
                    + " is at " + String.join(", ", at) + "; give it a new database (the CLI makes one for you)");
        }
        List<String> excluded = ctx.ownTables();
        ctx.store().ensureTables(sink);
        Runs runs = new Runs(new MigrationExecutor(ctx.dialect(), ctx.store(), ctx.graph(), ctx.config().listener(),
                ctx.config().transactionPerMigration(), ctx.config().steps()), sink, new HashSet<>());
        List<String> checked = new ArrayList<>();
        for (Revision r : ctx.graph().topological()) {
            boolean check = wanted.contains(r.id());
            MigrationBody body = ctx.bodies().body(r);
            Map<String, MigrationBody> bodies = Map.of(r.id(), body);
            if (check && seeder != null) {
                seeder.seed(sink);
            }
            SchemaSnapshot before = check ? SchemaSnapshot.take(c, excluded) : null;
            if (check && meter != null) {
                meter.measure(r.id());
            }
            try {
                runs.run(Direction.UPGRADE, r, bodies);
            } finally {
                if (check && meter != null) {
                    locks.addAll(meter.stop());
                }
            }
            if (!check) {
                continue;
            }
            if (!body.hasDowngrade()) {
                return new VerifyReport(checked, r.id(), r.file() + " has no downgrade block", List.of());
            }
            SchemaSnapshot up = SchemaSnapshot.take(c, excluded);
            runs.run(Direction.DOWNGRADE, r, bodies);
            SchemaSnapshot down = SchemaSnapshot.take(c, excluded);
            if (!down.equals(before)) {
                return new VerifyReport(checked, r.id(), "the downgrade of " + r.id() + " (" + r.file()
                        + ") does not restore the schema it started from", before.diff(down));
            }
            runs.run(Direction.UPGRADE, r, bodies);
            SchemaSnapshot again = SchemaSnapshot.take(c, excluded);
            if (!again.equals(up)) {
                return new VerifyReport(checked, r.id(), "upgrading " + r.id() + " (" + r.file()
                        + ") again after its downgrade gives another schema", up.diff(again));
            }
            checked.add(r.id());
        }
        return new VerifyReport(checked, null, null, List.of());
    }

    // one revision run up or down; what has run so far is the plan's "before" (the heads it checks against)
    private record Runs(MigrationExecutor executor, SqlSink sink, Set<String> applied) {
        void run(Direction direction, Revision r, Map<String, MigrationBody> bodies) {
            executor.run(new Plan(direction, List.of(r), applied), bodies, sink);
            if (direction == Direction.UPGRADE) {
                applied.add(r.id());
            } else {
                applied.remove(r.id());
            }
        }
    }
}
