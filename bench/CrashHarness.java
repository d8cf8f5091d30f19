import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Crash safety: runs `retort upgrade` of N migrations as a child process, stops it with SIGKILL, SIGTERM
 * or SIGINT (chosen at random) at a random moment, checks that the version table, the history and the
 * schema agree, re-runs to head, and repeats. Every tenth migration is mixed: plain steps, then a
 * CONCURRENTLY index that commits them, then more plain steps; a stop inside it may leave its committed
 * part, which must be recorded in the history (and the re-run resumes after it).
 * Run: bench/crash.sh [ROUNDS] [MIGRATIONS]
 */
public class CrashHarness {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path jar = Path.of(args.length > 2 ? args[2] : "cli/target/retort.jar").toAbsolutePath();
        Path project = Files.createTempDirectory("retort-crash");
        Files.createDirectories(project.resolve("migrations"));
        for (int i = 1; i <= n; i++) {
            String id = String.format("m%03d", i);
            String prev = i == 1 ? "" : String.format("revises 'm%03d'%n", i - 1);
            boolean mixed = i % 10 == 0;
            Files.writeString(project.resolve("migrations/" + id + ".groovy"), "revision '" + id + "'\n" + prev
                    + "upgrade {\n"
                    + "    createTable('t" + i + "') { column 'id', 'bigint', primaryKey: true; column 'v', 'int' }\n"
                    + "    addColumn 't" + i + "', 'w', 'text'\n"
                    + "    createIndex 'idx_t" + i + "_v', on: 't" + i + "', columns: ['v']" + (mixed ? ", concurrently: true" : "") + "\n"
                    + (mixed ? "    sql 'SELECT pg_sleep(0.05)'\n" : "")
                    + "    bulkInsert 't" + i + "', [[id: 1, v: 1, w: 'x'], [id: 2, v: 2, w: 'y']]\n"
                    + "}\n");
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "50").start();
        Random random = new Random(Long.getLong("seed", 42L));
        int consistent = 0;
        int midRun = 0;
        int finished = 0;
        long fullRunMs = -1;
        List<String> failures = new ArrayList<>();
        try {
            for (int round = 1; round <= rounds; round++) {
                String db = "crash_" + round;
                try (Connection admin = pg.getPostgresDatabase().getConnection()) {
                    admin.createStatement().execute("CREATE DATABASE " + db);
                }
                String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + db + "?user=postgres";
                if (fullRunMs < 0) {
                    long t0 = System.nanoTime();
                    int exit = retort(jar, project, url, -1);
                    fullRunMs = (System.nanoTime() - t0) / 1_000_000;
                    System.out.printf("calibration: a full run of %d migrations takes %d ms (exit %d)%n", n, fullRunMs, exit);
                    try (Connection admin = pg.getPostgresDatabase().getConnection()) {
                        admin.createStatement().execute("DROP DATABASE " + db);
                        admin.createStatement().execute("CREATE DATABASE " + db);
                    }
                }
                // 4 rounds in 5 kill once a random number of migrations has committed (mid-run); the rest at a random time
                boolean byCount = random.nextInt(5) != 0;
                int killAt = 1 + random.nextInt(n - 1);
                long killAfter = byCount ? -2 : 200 + (long) (random.nextDouble() * fullRunMs);
                String signal = SIGNALS[random.nextInt(SIGNALS.length)];
                int exit = byCount ? retortKilledAt(jar, project, url, killAt, signal) : retort(jar, project, url, killAfter, signal);
                String check;
                int k;
                try (Connection c = DriverManager.getConnection(url)) {
                    k = appliedCount(c);
                    check = agree(c, k, n);
                }
                if (check == null) {
                    consistent++;
                } else {
                    failures.add("round " + round + ": " + check);
                }
                if (k > 0 && k < n) {
                    midRun++;
                }
                int rerun = retort(jar, project, url, -1);
                String after;
                try (Connection c = DriverManager.getConnection(url)) {
                    after = rerun == 0 && appliedCount(c) == n ? agree(c, n, n) : "re-run exit " + rerun;
                }
                if (after == null) {
                    finished++;
                } else {
                    failures.add("round " + round + " re-run: " + after);
                }
                System.out.printf("round %3d: SIG%-4s %-16s (exit %3d) at %3d/%d applied: %s; re-run to head: %s%n",
                        round, signal, byCount ? "at >= " + killAt + " applied" : "after " + killAfter + " ms", exit, k, n, check == null ? "consistent" : check, after == null ? "ok" : after);
                try (Connection admin = pg.getPostgresDatabase().getConnection()) {
                    admin.createStatement().execute("DROP DATABASE " + db + " WITH (FORCE)");
                }
            }
        } finally {
            pg.close();
        }
        System.out.printf("%nrounds: %d, killed mid-run: %d, version table and schema agreed: %d/%d, re-run reached head: %d/%d%n",
                rounds, midRun, consistent, rounds, finished, rounds);
        failures.forEach(f -> System.out.println("FAILED " + f));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    static final String[] SIGNALS = {"KILL", "TERM", "INT"};

    static int retort(Path jar, Path project, String url, long killAfterMs) throws Exception {
        return retort(jar, project, url, killAfterMs, "KILL");
    }

    static void signal(Process p, String signal) throws Exception {
        if (signal.equals("KILL")) {
            p.destroyForcibly();
        } else {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        }
    }

    // runs the CLI; killAfterMs < 0 waits for it to finish
    static int retort(Path jar, Path project, String url, long killAfterMs, String signal) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "--url", url, "-q", "upgrade")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (killAfterMs >= 0 && !p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
            signal(p, signal);
        }
        p.waitFor(120, TimeUnit.SECONDS);
        return p.exitValue();
    }

    // starts the CLI and SIGKILLs it as soon as the database shows at least `count` migrations applied
    static int retortKilledAt(Path jar, Path project, String url, int count, String signal) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "--url", url, "-q", "upgrade")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (Connection c = DriverManager.getConnection(url)) {
            while (p.isAlive() && appliedCount(c) < count) {
                Thread.sleep(2);
            }
        }
        signal(p, signal);
        p.waitFor(120, TimeUnit.SECONDS);
        return p.exitValue();
    }

    static int appliedCount(Connection c) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('retort_version') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0;
            }
        }
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT version_num FROM retort_version")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        if (rows.size() > 1) {
            throw new IllegalStateException("version table has " + rows.size() + " rows: " + rows);
        }
        return rows.isEmpty() ? 0 : Integer.parseInt(rows.get(0).substring(1));
    }

    // null when migrations 1..k are fully there (table, column, index, rows), each with one successful history row,
    // and k+1 left no trace, or (mixed) only a part the history records as committed
    static String agree(Connection c, int k, int n) throws Exception {
        if (k > 0) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*), count(DISTINCT revision) FROM retort_history"
                    + " WHERE success AND direction = 'upgrade'")) {
                rs.next();
                if (rs.getInt(1) != k || rs.getInt(2) != k) {
                    return "version table says " + k + " applied but the history has " + rs.getInt(1) + " successful upgrades";
                }
            }
        }
        boolean partRecorded = false;
        if (k < n && (k + 1) % 10 == 0) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('retort_history') IS NOT NULL AND EXISTS"
                    + " (SELECT 1 FROM retort_history WHERE revision = 'm" + String.format("%03d", k + 1) + "' AND detail LIKE 'partial:%')")) {
                rs.next();
                partRecorded = rs.getBoolean(1);
            }
        }
        for (int i = 1; i <= Math.min(k + 1, n); i++) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT to_regclass('t" + i + "') IS NOT NULL, to_regclass('idx_t" + i + "_v') IS NOT NULL,"
                            + " (SELECT count(*) FROM information_schema.columns WHERE table_name = 't" + i + "' AND column_name = 'w')")) {
                rs.next();
                boolean table = rs.getBoolean(1);
                boolean index = rs.getBoolean(2);
                int column = rs.getInt(3);
                if (i <= k && !(table && index && column == 1)) {
                    return "version table says " + k + " applied but migration " + i + " is incomplete";
                }
                if (i == k + 1 && (table || index) && !partRecorded) {
                    return "version table says " + k + " applied but migration " + (k + 1) + " left objects behind";
                }
                if (i <= k) {
                    try (ResultSet rows = c.createStatement().executeQuery("SELECT count(*) FROM t" + i)) {
                        rows.next();
                        if (rows.getInt(1) != 2) {
                            return "migration " + i + " has " + rows.getInt(1) + " rows instead of 2";
                        }
                    }
                }
            }
        }
        return null;
    }
}
