package br.com.bidiq.index.control;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the index lives: {@code DATABASE_URL} as a JDBC URL ({@code jdbc:postgresql://host/db}) or in the common
 * {@code postgres://user:pass@host:port/db} form, or, unset, an embedded H2 file under {@code DATA_DIR}.
 * Credentials in the URL are used unless DATABASE_USER / DATABASE_PASSWORD are set.
 */
public record DatabaseUrl(Vendor vendor, String jdbcUrl, String user, String password) {

    public enum Vendor {
        POSTGRESQL,
        H2;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static DatabaseUrl of(String databaseUrl, String user, String password, Path dataDir) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            String file = dataDir.toAbsolutePath().resolve("bidiq-index").toString();
            return new DatabaseUrl(
                    Vendor.H2,
                    "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    blankTo(user, "sa"),
                    blankTo(password, ""));
        }
        String url = databaseUrl.strip();
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(Vendor.POSTGRESQL, url, blank(user), blank(password));
        }
        if (url.startsWith("jdbc:h2:")) {
            return new DatabaseUrl(Vendor.H2, url, blankTo(user, "sa"), blankTo(password, ""));
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            String urlUser = null;
            String urlPassword = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                urlUser = decode(parts[0]);
                urlPassword = parts.length > 1 ? decode(parts[1]) : null;
            }
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String db = uri.getPath() == null || uri.getPath().length() <= 1
                    ? "postgres"
                    : uri.getPath().substring(1);
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new DatabaseUrl(
                    Vendor.POSTGRESQL,
                    "jdbc:postgresql://" + host + ":" + port + "/" + db + query,
                    blank(user) != null ? user : urlUser,
                    blank(password) != null ? password : urlPassword);
        }
        throw new IllegalArgumentException("DATABASE_URL must be jdbc:postgresql://…, postgres://… or jdbc:h2:…");
    }

    /** The URL without credentials, for logs and health. */
    public String safe() {
        int at = jdbcUrl.indexOf('?');
        return at < 0 ? jdbcUrl : jdbcUrl.substring(0, at);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String blankTo(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
