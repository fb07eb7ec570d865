package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IngestionRun;
import br.com.bidiq.index.entity.RunOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The {@code index_runs} history and the incremental watermark in {@code index_state}. */
final class RunLog {

    private static final String RUN_COLUMNS = "id, origin, node, started_at, ended_at, outcome, units_total, "
            + "units_done, units_failed, records, bad_records, message, stream_id";
    private static final String WATERMARK = "watermark";

    long start(Connection c, String origin, String node, String streamId, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO index_runs (origin, node, stream_id, started_at, "
                        + "units_total, units_done, units_failed, records, bad_records) VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, origin);
            ps.setString(2, node);
            ps.setString(3, streamId);
            ps.setObject(4, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A run that was stopped or whose node died: the next run on any node continues it. */
    Optional<IngestionRun> unfinished(Connection c) throws SQLException {
        return one(c, "WHERE ended_at IS NULL ORDER BY id DESC");
    }

    Optional<IngestionRun> last(Connection c) throws SQLException {
        return one(c, "ORDER BY id DESC");
    }

    Optional<IngestionRun> find(Connection c, long id) throws SQLException {
        return one(c, "WHERE id = " + id);
    }

    void takeOver(Connection c, long runId, String node, String streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE index_runs SET node = ?, stream_id = ? WHERE id = ?")) {
            ps.setString(1, node);
            ps.setString(2, streamId);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }

    void progress(Connection c, RunCounters counters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE index_runs SET units_total = ?, units_done = ?, "
                + "units_failed = ?, records = ?, bad_records = ? WHERE id = ?")) {
            ps.setInt(1, counters.unitsTotal);
            ps.setInt(2, counters.unitsDone.get());
            ps.setInt(3, counters.unitsFailed.get());
            ps.setLong(4, counters.records.get());
            ps.setLong(5, counters.badRecords.get());
            ps.setLong(6, counters.runId);
            ps.executeUpdate();
        }
    }

    void finish(Connection c, long runId, RunOutcome outcome, String message, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE index_runs SET ended_at = ?, outcome = ?, message = ? " + "WHERE id = ?")) {
            ps.setObject(1, now);
            ps.setString(2, outcome.wire());
            ps.setString(3, message == null || message.length() <= 1000 ? message : message.substring(0, 1000));
            ps.setLong(4, runId);
            ps.executeUpdate();
        }
    }

    Optional<LocalDate> watermark(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state_value FROM index_state WHERE name = ?")) {
            ps.setString(1, WATERMARK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(LocalDate.parse(rs.getString(1))) : Optional.empty();
            }
        }
    }

    void watermark(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE index_state SET state_value = ? WHERE name = ?")) {
            update.setString(1, day.toString());
            update.setString(2, WATERMARK);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert =
                        c.prepareStatement("INSERT INTO index_state (name, state_value) " + "VALUES (?, ?)")) {
                    insert.setString(1, WATERMARK);
                    insert.setString(2, day.toString());
                    insert.executeUpdate();
                }
            }
        }
    }

    private Optional<IngestionRun> one(Connection c, String tail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM index_runs " + tail)) {
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IngestionRun(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getString(12),
                        rs.getString(13)));
            }
        }
    }
}
