package dev.retort.internal.db;

import dev.retort.internal.dialect.ConcurrencyQueries;
import dev.retort.spi.SqlFailure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Detects a transaction pooler (PgBouncer pool_mode=transaction) between Retort and the server: on a
 * direct or session-pooled connection each client connection keeps its own server process, so the
 * backend pid of two open connections never changes and never matches. A pooler hands out whichever
 * server connection is free per transaction, which shows as a changed or shared pid.
 */
public final class PoolingProbe {
    private static final int ROUNDS = 4;

    private PoolingProbe() {
    }

    /** True when the backend pid changed between transactions or was shared by two client connections. */
    public static boolean transactionPooling(Connection main, Supplier<Connection> second) {
        if (second == null) { // an application's data source may have one connection only: watch this one
            int pid = pid(main);
            for (int i = 0; i < ROUNDS; i++) {
                if (pid(main) != pid) {
                    return true;
                }
            }
            return false;
        }
        try (Connection other = second.get()) {
            int mainPid = pid(main);
            int otherPid = pid(other);
            if (mainPid == otherPid) {
                return true;
            }
            for (int i = 0; i < ROUNDS; i++) {
                if (pid(main) != mainPid || pid(other) != otherPid) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new SqlFailure(null, e);
        }
    }

    /** The backend pid of the next transaction on {@code c}. */
    public static int pid(Connection c) {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(ConcurrencyQueries.backendPid())) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new SqlFailure(null, e);
        }
    }
}
