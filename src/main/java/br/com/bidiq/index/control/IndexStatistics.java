package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IndexOverview;
import br.com.bidiq.index.entity.IngestionRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
            return new IndexOverview(
                    "up",
                    db.describe(),
                    total,
                    perUf,
                    coverage.coverage(c),
                    runs.watermark(c).orElse(null),
                    freshAt,
                    lag(freshAt),
                    runs.last(c).orElse(null),
                    coverage.failedUnits(c, 100),
                    settings.schedule());
        } catch (SQLException e) {
            return IndexOverview.down(db.describe(), settings.schedule());
        }
    }

    /** Whether the index answers, and minutes since a unit last succeeded (null when never filled). */
    public Health health() {
        try (Connection c = db.connection()) {
            return new Health(true, lag(coverage.lastIndexedAt(c)));
        } catch (SQLException e) {
            return new Health(false, null);
        }
    }

    public record Health(boolean up, Long lagMinutes) {}

    private Long lag(OffsetDateTime freshAt) {
        return freshAt == null
                ? null
                : Duration.between(freshAt.toInstant(), clock.instant()).toMinutes();
    }

    /** The stream id of the latest run, if there was one. */
    public Optional<String> latestStream() throws SQLException {
        try (Connection c = db.connection()) {
            return runs.last(c).map(IngestionRun::streamId);
        }
    }
}
