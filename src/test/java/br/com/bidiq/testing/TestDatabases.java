package br.com.bidiq.testing;

import br.com.bidiq.index.control.DatabaseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two databases the index runs on, for tests: the PostgreSQL on 127.0.0.1:5432 (database {@code bidiq_test},
 * emptied for each use; .ci/run starts the server) and a fresh embedded H2 file.
 */
public final class TestDatabases {

    private TestDatabases() {}

    /** An empty database of that vendor. */
    public static DatabaseUrl empty(String vendor, Path tempDir) throws SQLException {
        if ("h2".equals(vendor)) {
            return DatabaseUrl.of(null, null, null, tempDir);
        }
        return DatabaseUrl.of(emptyPostgres("bidiq_test"), "postgres", "", tempDir);
    }

    /** The JDBC URL of an empty PostgreSQL database of that name on 127.0.0.1:5432, created if missing. */
    public static String emptyPostgres(String name) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
        try (Connection admin =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + name);
                }
            }
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        return url;
    }
}
