package br.com.bidiq.index.control;

import br.com.bidiq.platform.RequestIds;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The index's database: a small connection pool, and the schema migrated by Flyway the first time the database
 * answers. The database may be down at start-up or go away later: callers get an {@link SQLException}, the app goes
 * on serving live searches, and the next call after the database is back migrates (if needed) and works.
 *
 * <p>The pool is the application's own (HikariCP) rather than a server-defined DataSource because
 * {@code DATABASE_URL} comes in forms ({@code postgres://user:pass@host/db}) that no server configuration can
 * translate, and the same WAR must run unchanged on Liberty, WildFly and Payara.
 */
public class IndexDatabase implements AutoCloseable {

    private static final Logger LOG = RequestIds.logger(IndexDatabase.class);

    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private volatile boolean migrated;
    private volatile String lastProblem;

    public IndexDatabase(DatabaseUrl url, int maxConnections) {
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setPoolName("bidiq-index");
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        config.setDriverClassName(url.vendor() == DatabaseUrl.Vendor.H2 ? "org.h2.Driver" : "org.postgresql.Driver");
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        // Never fail at start-up: a database that is down now is tried again on every use.
        config.setInitializationFailTimeout(-1);
        if (url.vendor() == DatabaseUrl.Vendor.POSTGRESQL) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("connectTimeout", "3");
            config.addDataSourceProperty("ApplicationName", "bidiq");
        }
        this.pool = new HikariDataSource(config);
    }

    public DatabaseUrl.Vendor vendor() {
        return url.vendor();
    }

    /** "postgresql" or "h2", with the URL without credentials. */
    public String describe() {
        return url.vendor().wire() + " " + url.safe();
    }

    public DataSource dataSource() {
        return pool;
    }

    /** A connection to a migrated schema, or an SQLException saying why not (logged once per new reason). */
    public Connection connection() throws SQLException {
        try {
            if (!migrated) {
                migrate();
            }
            Connection c = pool.getConnection();
            lastProblem = null;
            return c;
        } catch (SQLException e) {
            problem(e);
            throw e;
        }
    }

    private synchronized void migrate() throws SQLException {
        if (migrated) {
            return;
        }
        try (Connection probe = pool.getConnection()) {
            probe.isValid(2);
        }
        try {
            // flyway.location marks each folder: Liberty's class loader cannot list a folder without a file in it.
            String location = "classpath:db/migration/" + url.vendor().wire();
            Flyway flyway = Flyway.configure(IndexDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .locations(location)
                    .callbackLocations(location)
                    .javaMigrations(new NoticeDisplayColumns())
                    .table("index_schema_history")
                    .failOnMissingLocations(true)
                    .load();
            var result = flyway.migrate();
            if (flyway.info().current() == null) {
                throw new IllegalStateException(
                        "no migration found under db/migration/" + url.vendor().wire());
            }
            migrated = true;
            LOG.info("Index database ready: " + describe() + " (schema " + result.targetSchemaVersion + ", "
                    + result.migrationsExecuted + " migrations applied)");
        } catch (RuntimeException e) {
            throw new SQLException("schema migration failed: " + e.getMessage(), e);
        }
    }

    private void problem(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!message.equals(lastProblem)) {
            LOG.warning("Index database unavailable (" + describe() + "): " + message);
        }
        lastProblem = message;
    }

    @Override
    public void close() {
        pool.close();
    }
}
