package dev.retort.internal.db;

import dev.retort.spi.EmbeddedServer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.retort.ConnectionException;
import dev.retort.RunListener;
import dev.retort.internal.config.DatabaseUrl;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where connections come from: the application's data source, a HikariCP pool on a URL, or the
 * embedded server (started on first use, stopped on close). Opened lazily: commands that only read
 * scripts never touch a database.
 */
public final class Database implements AutoCloseable {
    private final ConnectionSettings config;
    private EmbeddedServer embedded;
    private HikariDataSource pool;
    private volatile DataSource dataSource;
    private String description;

    public Database(ConnectionSettings config) {
        this.config = config;
    }

    /** A new connection (the caller closes it). */
    public Connection connect() {
        if (dataSource == null) {
            // one Retort may be shared by threads: only the first opens the pool or the embedded server
            synchronized (this) {
                if (dataSource == null) {
                    open();
                }
            }
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Host, port, database and user, never the password. */
    public String describe() {
        if (description == null) {
            DatabaseUrl url = config.url();
            description = url != null ? url.describe()
                    : config.dataSource() != null ? "the application's data source" : "no database";
        }
        return description;
    }

    private void open() {
        DatabaseUrl url = config.url();
        if (url == null) {
            if (config.dataSource() == null) {
                throw new dev.retort.ConfigException(config.missingUrl());
            }
            dataSource = config.dataSource();
            return;
        }
        if (url.isEmbedded()) {
            Path dir = url.embeddedDir() == null ? config.projectDir().resolve(".retort/embedded")
                    : config.projectDir().resolve(url.embeddedDir());
            embedded = EmbeddedServer.start(dir);
            RunListener listener = config.listener();
            listener.notice("using the embedded PostgreSQL in " + shown(dir) + " (started in " + embedded.startMillis() + " ms)");
            url = DatabaseUrl.jdbc(embedded.hostPort(), "postgres", embedded.user(), embedded.password());
            description = "embedded PostgreSQL (" + shown(dir) + ")";
        }
        if (!config.connectWait().isZero() || config.createDatabase()) {
            ConnectWait.await(url, config.connectWait(), config.createDatabase(), config.listener(),
                    description != null ? description : url.describe());
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            hc.setUsername(url.user());
        }
        if (url.password() != null) {
            hc.setPassword(url.password());
        }
        hc.setPoolName("retort");
        hc.setMaximumPoolSize(4);
        hc.setMinimumIdle(0);
        // one attempt at start: a wrong password or a dead server is reported at once, not after
        // the pool has retried for its whole connection timeout
        hc.setInitializationFailTimeout(1);
        hc.setConnectionTimeout(30_000);
        hc.addDataSourceProperty("ApplicationName", "retort");
        if (!url.jdbcUrl().contains("prepareThreshold")) {
            // no named server-side statements: a transaction pooler (PgBouncer) hands each transaction any server
            // connection, where "S_1" may already exist or be missing; a migration runner gains nothing from them
            hc.addDataSourceProperty("prepareThreshold", "0");
        }
        if (!url.jdbcUrl().contains("connectTimeout")) {
            hc.addDataSourceProperty("connectTimeout", "10");
        }
        if (description == null) {
            description = url.describe();
        }
        try {
            pool = new HikariDataSource(hc);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause();
            throw failure(cause instanceof SQLException sql ? sql : new SQLException(String.valueOf(cause), "08001", cause));
        }
        dataSource = pool;
    }

    private String shown(Path dir) {
        Path rel = dir.startsWith(config.projectDir()) ? config.projectDir().relativize(dir) : dir;
        return rel.toString();
    }

    private ConnectionException failure(SQLException e) {
        return ConnectFailures.of(describe(), e, config.url());
    }

    /** True when a connection has been opened. */
    public boolean isOpen() {
        return dataSource != null;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
