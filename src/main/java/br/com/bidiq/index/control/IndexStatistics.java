package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IndexOverview;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads what {@code GET /api/indice} shows: counts per UF, coverage, watermark, freshness, last run. */
public class IndexStatistics {

    private final IndexDatabase db;
    private final IndexSettings settings;
    private final Clock clock;
    private final CoverageStore coverage = new CoverageStore();
    private final RunLog runs = new RunLog();

    public IndexStatistics(IndexDatabase db, IndexSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    public IndexOverview overview() {
        try (Connection c = db.connection()) {
            Map<String, Long> perUf = new LinkedHashMap<>();
            long total = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT uf, COUNT(*) FROM notices GROUP BY uf ORDER BY uf");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perUf.put(rs.getString(1), rs.getLong(2));
                    total += rs.getLong(2);
                }
            }
            OffsetDateTime freshAt = coverage.lastIndexedAt(c);
            Long lag = freshAt == null ? null : Duration.between(freshAt.toInstant(), clock.instant()).toMinutes();
            return new IndexOverview("up", db.describe(), total, perUf, coverage.coverage(c),
                    runs.watermark(c).orElse(null), freshAt, lag, runs.last(c).orElse(null),
                    coverage.failedUnits(c, 100), settings.schedule());
        } catch (SQLException e) {
            return IndexOverview.down(db.describe(), settings.schedule());
        }
    }

    /** Minutes since a unit last succeeded, or empty when the index is down or was never filled. */
    public java.util.Optional<Long> lagMinutes() {
        try (Connection c = db.connection()) {
            OffsetDateTime freshAt = coverage.lastIndexedAt(c);
            return java.util.Optional.ofNullable(freshAt)
                    .map(t -> Duration.between(t.toInstant(), clock.instant()).toMinutes());
        } catch (SQLException e) {
            return java.util.Optional.empty();
        }
    }

    /** The stream id of the latest run, if there was one. */
    public java.util.Optional<String> latestStream() throws SQLException {
        try (Connection c = db.connection()) {
            return runs.last(c).map(r -> r.streamId());
        }
    }
}
