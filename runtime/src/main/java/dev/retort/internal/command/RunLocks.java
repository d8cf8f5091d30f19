package dev.retort.internal.command;

import dev.retort.internal.db.PoolingProbe;
import dev.retort.internal.exec.AdvisoryLock;
import dev.retort.internal.exec.MigrationGuard;

import dev.retort.internal.sink.SqlSink;

import java.sql.Connection;

/** The exactly-once protection of a run that writes the version table: the session lock, or the guard behind a pooler. */
final class RunLocks {
    private RunLocks() {
    }

    // behind a transaction pooler (or with lock=false) no session lock is taken
    static MigrationGuard guard(CommandContext ctx, Connection c) {
        Settings config = ctx.config();
        boolean pooled = !config.lock() || PoolingProbe.transactionPooling(c, config.url() == null ? null : ctx.database()::connect);
        if (pooled && config.lock()) {
            config.listener().notice(MigrationGuard.POOLING_NOTICE);
        }
        MigrationGuard guard = new MigrationGuard(ctx.store(), AdvisoryLock.keyFor(config.schema(), config.versionTable()),
                config.lockTimeout(), config.listener(), pooled, ctx.database()::connect);
        if (!pooled) {
            guard.sessionLockOn(PoolingProbe.pid(c));
        }
        return guard;
    }

    // the migration lock for the whole run on this connection, or none with lock=false (PgBouncer)
    static AdvisoryLock lock(CommandContext ctx, SqlSink c) {
        Settings config = ctx.config();
        return config.lock() ? AdvisoryLock.acquire(c, AdvisoryLock.keyFor(config.schema(), config.versionTable()),
                config.lockTimeout(), config.listener()) : null;
    }
}
