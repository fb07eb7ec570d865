package br.com.bidiq.index.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.index.entity.IndexCoverage;
import br.com.bidiq.index.entity.NoticeQuery;
import br.com.bidiq.index.entity.UncoveredRange;
import br.com.bidiq.pncp.control.PncpRecordParser;
import br.com.bidiq.pncp.entity.FetchUnit;
import br.com.bidiq.pncp.entity.PncpRecord;
import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.TestDatabases;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage, freshness and the streamed pre-selection of the index, on PostgreSQL and H2. */
abstract class IndexSearchTest {

    /** The database the cases run on: {@code h2} (embedded) or {@code postgresql} (127.0.0.1:5432). */
    final String vendor;

    IndexSearchTest(String vendor) {
        this.vendor = vendor;
    }

    /** 2026-03-01 12:00 in Brasília. */
    static final Instant NOW = Instant.parse("2026-03-01T15:00:00Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    @TempDir
    Path tempDir;

    @Test
    void coverageNamesWhatIsMissingFailedOrStale() throws Exception {
        try (IndexDatabase db = new IndexDatabase(TestDatabases.empty(vendor, tempDir), 4)) {
            IndexSearch search = new IndexSearch(db, Duration.ofMinutes(120), CLOCK);
            IndexCoverage empty = search.coverage(List.of("SC"), List.of(6), JAN_1, JAN_1.plusDays(29));
            assertFalse(empty.complete());
            assertNull(empty.freshAt());
            assertEquals(
                    "UF e modalidade ainda não indexadas",
                    empty.missing().get(0).motivo());

            new IndexFeed(db, CLOCK)
                    .store(
                            List.of(),
                            List.of(),
                            List.of(
                                    new FetchUnit("SC", 6, JAN_1, JAN_1.plusDays(29)),
                                    new FetchUnit("PR", 6, JAN_1, JAN_1.plusDays(9)),
                                    new FetchUnit("PR", 6, JAN_1.plusDays(20), JAN_1.plusDays(40))));
            IndexCoverage sc = search.coverage(List.of("SC"), List.of(6), JAN_1.plusDays(3), JAN_1.plusDays(29));
            assertTrue(sc.complete(), sc.missing().toString());
            assertEquals(NOW, sc.freshAt());

            IndexCoverage both = search.coverage(List.of("SC", "PR"), List.of(6), JAN_1, JAN_1.plusDays(35));
            assertEquals(
                    List.of(
                            new UncoveredRange("SC", 6, "2026-01-31", "2026-02-05", "período ainda não indexado"),
                            new UncoveredRange("PR", 6, "2026-01-11", "2026-01-20", "período ainda não indexado")),
                    both.missing());

            failed(db, "SC", 6, JAN_1.plusDays(10), JAN_1.plusDays(19), "página 2: HTTP 500");
            IndexCoverage withFailure = search.coverage(List.of("SC"), List.of(6), JAN_1, JAN_1.plusDays(29));
            assertEquals(
                    List.of(new UncoveredRange(
                            "SC", 6, "2026-01-11", "2026-01-20", "falha na indexação: página 2: HTTP 500")),
                    withFailure.missing());
        }
    }

    @Test
    void daysAfterTodayNeedNoCoverageAndOldDataIsStale() throws Exception {
        try (IndexDatabase db = new IndexDatabase(TestDatabases.empty(vendor, tempDir), 4)) {
            LocalDate today = LocalDate.of(2026, 3, 1);
            // A live search asked for a window reaching past today: it covers up to today only.
            new IndexFeed(db, CLOCK)
                    .store(
                            List.of(),
                            List.of(),
                            List.of(new FetchUnit("SP", 4, today.minusDays(5), today.plusDays(24))));
            IndexSearch search = new IndexSearch(db, Duration.ofMinutes(120), CLOCK);
            assertTrue(search.coverage(List.of("SP"), List.of(4), today.minusDays(5), today.plusDays(10))
                    .complete());

            Clock later = Clock.offset(CLOCK, Duration.ofMinutes(121));
            IndexCoverage stale = new IndexSearch(db, Duration.ofMinutes(120), later)
                    .coverage(List.of("SP"), List.of(4), today.minusDays(5), today);
            assertEquals(1, stale.missing().size());
            assertTrue(
                    stale.missing().get(0).motivo().startsWith("dados do índice desatualizados"),
                    stale.missing().toString());

            // The next day, yesterday's "today" is no longer enough: that day's later publications are missing.
            Clock tomorrow = Clock.offset(CLOCK, Duration.ofHours(24));
            IndexCoverage nextDay = new IndexSearch(db, Duration.ofDays(2), tomorrow)
                    .coverage(List.of("SP"), List.of(4), today.minusDays(5), today.plusDays(1));
            assertEquals(
                    List.of(new UncoveredRange("SP", 4, "2026-03-02", "2026-03-02", "período ainda não indexado")),
                    nextDay.missing());
        }
    }

    @Test
    void theStreamPreSelectsBySpecifiedFieldsAndDeadline() throws Exception {
        try (IndexDatabase db = new IndexDatabase(TestDatabases.empty(vendor, tempDir), 4)) {
            List<JsonObject> samples = FakePncpServer.sampleRecords();
            List<PncpRecord> records = new ArrayList<>();
            List<String> raw = new ArrayList<>();
            for (JsonObject o : samples) {
                records.add(PncpRecordParser.parseRecord(o));
                raw.add(o.toString());
            }
            new IndexFeed(db, CLOCK).store(records, raw, List.of());
            IndexSearch search = new IndexSearch(db, Duration.ofMinutes(120), CLOCK);
            LocalDateTime now = LocalDateTime.of(2026, 3, 1, 12, 0);

            NoticeQuery open = new NoticeQuery(
                    List.of("SP", "RJ", "MG", "ES", "SC"),
                    List.of(4, 5, 6),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    now);
            Set<String> expected = new TreeSet<>();
            for (PncpRecord r : records) {
                if (Set.of("SP", "RJ", "MG", "ES", "SC").contains(r.uf())
                        && Set.of(4, 5, 6).contains(r.modalidadeId())
                        && r.dataEncerramento() != null
                        && r.dataEncerramento().isAfter(now)) {
                    expected.add(r.numeroControlePncp());
                }
            }
            Set<String> streamed = new TreeSet<>();
            assertEquals(expected.size(), search.stream(open, r -> streamed.add(r.numeroControlePncp())));
            assertEquals(expected, streamed);
            assertTrue(expected.size() > 20, "open tenders at the clock: " + expected.size());
            assertEquals(expected.size(), search.count(open));

            NoticeQuery january = new NoticeQuery(
                    List.of("RJ"),
                    List.of(6),
                    JAN_1,
                    JAN_1.plusDays(30),
                    new java.math.BigDecimal("10000"),
                    null,
                    Set.of("M"),
                    null,
                    null,
                    null,
                    null);
            Set<String> fromDb = new TreeSet<>();
            search.stream(january, r -> fromDb.add(r.numeroControlePncp()));
            Set<String> byHand = new TreeSet<>();
            for (PncpRecord r : records) {
                LocalDate day = r.dataPublicacao().toLocalDate();
                if ("RJ".equals(r.uf())
                        && r.modalidadeId() == 6
                        && !day.isBefore(JAN_1)
                        && !day.isAfter(JAN_1.plusDays(30))
                        && r.valorOuZero().compareTo(new java.math.BigDecimal("10000")) >= 0
                        && "M".equals(r.esferaId())) {
                    byHand.add(r.numeroControlePncp());
                }
            }
            assertEquals(byHand, fromDb);
            assertFalse(byHand.isEmpty());
        }
    }

    private static void failed(IndexDatabase db, String uf, int modalidade, LocalDate from, LocalDate to, String error)
            throws Exception {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO index_units (endpoint, uf, modalidade, "
                        + "data_inicial, data_final, status, next_page, records, bad_records, attempts, last_error, "
                        + "updated_at) VALUES ('publicacao', ?, ?, ?, ?, 'failed', 2, 0, 0, 1, ?, ?)")) {
            ps.setString(1, uf);
            ps.setInt(2, modalidade);
            ps.setObject(3, from);
            ps.setObject(4, to);
            ps.setString(5, error);
            ps.setObject(6, OffsetDateTime.now(CLOCK));
            ps.executeUpdate();
        }
    }
}
