package br.com.bidiq.index.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The one-ingester-at-a-time lock, a row in the shared database with an owner and an expiry: taken when free or
 * expired, renewed by its owner while it runs. When the owner dies, the lease lapses and another node takes it.
 * Expiry is written from the nodes' clocks, which a cluster keeps in sync (NTP) well within a lease.
 */
final class IngestionLease {

    private static final String NAME = "ingestion";

    private final Clock clock;

    IngestionLease(Clock clock) {
        this.clock = clock;
    }

    /** Takes the lease if it is free, expired or already this node's. */
    boolean acquire(Connection c, String owner, Duration lease) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement ps = c.prepareStatement("UPDATE index_lease SET owner = ?, expires_at = ? "
                + "WHERE name = ? AND (owner IS NULL OR owner = ? OR expires_at < ?)")) {
            ps.setString(1, owner);
            ps.setLong(2, now + lease.toMillis());
            ps.setString(3, NAME);
            ps.setString(4, owner);
            ps.setLong(5, now);
            return ps.executeUpdate() == 1;
        }
    }

    /** Extends the lease; false when another node holds it now (this one stalled past its expiry). */
    boolean renew(Connection c, String owner, Duration lease) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE index_lease SET expires_at = ? " + "WHERE name = ? AND owner = ?")) {
            ps.setLong(1, clock.millis() + lease.toMillis());
            ps.setString(2, NAME);
            ps.setString(3, owner);
            return ps.executeUpdate() == 1;
        }
    }

    void release(Connection c, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE index_lease SET owner = NULL, expires_at = 0 " + "WHERE name = ? AND owner = ?")) {
            ps.setString(1, NAME);
            ps.setString(2, owner);
            ps.executeUpdate();
        }
    }

    /** The node holding an unexpired lease, if any. */
    Optional<String> holder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT owner, expires_at FROM index_lease WHERE name = ?")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null && rs.getLong(2) >= clock.millis()) {
                    return Optional.of(rs.getString(1));
                }
                return Optional.empty();
            }
        }
    }
}
