package br.com.bidiq.cluster.control;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** REDIS_URL as Redisson wants it: {@code redis[s]://[user[:password]@]host[:port][/db]}; printable masked. */
public record RedisUrl(String scheme, String host, int port, String username, String password, int database) {

    /**
     * @throws IllegalArgumentException with a message that never contains the URL: it may hold a password, and the
     *                                  message goes to the log
     */
    public static RedisUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(
                    "REDIS_URL is not a valid URL (" + e.getReason() + " at character " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? "redis" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("REDIS_URL has no host");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            if (colon >= 0) {
                user = decode(info.substring(0, colon));
                password = decode(info.substring(colon + 1));
            } else {
                password = decode(info);
            }
            if (user != null && user.isEmpty()) {
                user = null;
            }
        }
        int db = 0;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            if (!path.substring(1).matches("\\d{1,2}")) {
                throw new IllegalArgumentException("REDIS_URL database must be a number (redis://host:6379/0)");
            }
            db = Integer.parseInt(path.substring(1));
        }
        return new RedisUrl(scheme, uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), user, password, db);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public String address() {
        return scheme + "://" + host + ":" + port;
    }

    /** For logs: the password is never printed. */
    public String masked() {
        String auth = password == null ? "" : (username == null ? "" : username) + ":***@";
        return scheme + "://" + auth + host + ":" + port + (database == 0 ? "" : "/" + database);
    }
}
