package br.com.bidiq.index.control;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.index.entity.IndexOverview;
import br.com.bidiq.index.entity.IndexedNotice;
import br.com.bidiq.index.entity.IngestionRun;
import br.com.bidiq.pncp.control.PncpClient;
import br.com.bidiq.pncp.control.PncpRecordParser;
import br.com.bidiq.pncp.control.PncpSettings;
import br.com.bidiq.pncp.control.RequestGate;
import br.com.bidiq.pncp.control.RetryPolicy;
import br.com.bidiq.pncp.entity.PncpRecord;
import br.com.bidiq.progress.control.LocalProgressBus;
import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.TestDatabases;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingestion from the fake PNCP (real sample records over HTTP) into PostgreSQL and into the embedded H2: backfill,
 * incremental updates, version ordering, failed units, resuming a stopped run, bad records and the lease.
 */
abstract class IngestionTest {

    /** The database the cases run on: {@code h2} (embedded) or {@code postgresql} (127.0.0.1:5432). */
    final String vendor;

    IngestionTest(String vendor) {
        this.vendor = vendor;
    }

    /** 2026-09-30 12:00 in Brasília: 400 days back reach 2025-08-27, covering most sample records. */
    static final Instant TODAY = Instant.parse("2026-09-30T15:00:00Z");

    static final List<Integer> MODALIDADES = List.of(1, 4, 5, 6);
    static final int HISTORY = 400;

    @TempDir
    Path tempDir;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final List<AutoCloseable> closing = new ArrayList<>();
    private FakePncpServer fake;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    @Test
    void backfillHoldsExactlyTheDistinctRecordsServed() throws Exception {
        IndexDatabase db = database(vendor);
        Ingestion ingestion = ingestion(db, "node-a", Clock.fixed(TODAY, ZoneOffset.UTC));

        IngestionRun run = runToEnd(ingestion, db);

        assertEquals("succeeded", run.outcome(), run.message());
        Map<String, String> expected = expected(fake.records(), LocalDate.of(2025, 8, 27), LocalDate.of(2026, 9, 30));
        assertTrue(expected.size() > 300, "the samples should give hundreds of records: " + expected.size());
        assertEquals(expected, table(db));
        assertEquals(0, run.badRecords());
        IndexOverview overview =
                new IndexStatistics(db, ingestion.settings(), Clock.fixed(TODAY, ZoneOffset.UTC)).overview();
        assertEquals("up", overview.status());
        assertEquals(expected.size(), overview.recordsTotal());
        assertEquals(LocalDate.of(2026, 9, 30), overview.watermark());
        assertEquals(0, overview.coverage().unitsFailed());
        assertTrue(fake.requests().stream().allMatch(r -> "publicacao".equals(r.endpoint())));
    }

    @Test
    void incrementalRunUpdatesChangedRecordsAndAddsNoneTwice() throws Exception {
        IndexDatabase db = database(vendor);
        runToEnd(ingestion(db, "node-a", Clock.fixed(TODAY, ZoneOffset.UTC)), db);
        int before = table(db).size();

        List<JsonObject> changed = new ArrayList<>();
        List<String> changedIds = new ArrayList<>();
        for (JsonObject r : fake.records()) {
            boolean inRange = r.getString("dataPublicacaoPncp").compareTo("2026-01-01") > 0
                    && MODALIDADES.contains(r.getInt("modalidadeId"));
            if (inRange && changedIds.size() < 3) {
                changedIds.add(r.getString("numeroControlePNCP"));
                changed.add(Json.createObjectBuilder(r)
                        .add("objetoCompra", "OBJETO RETIFICADO " + changedIds.size())
                        .add("dataAtualizacao", "2026-10-01T09:00:00")
                        .add("dataAtualizacaoGlobal", "2026-10-01T09:00:00")
                        .build());
            } else {
                changed.add(r);
            }
        }
        JsonObject template = changed.get(0);
        changed.add(Json.createObjectBuilder(template)
                .add("numeroControlePNCP", "99999999000191-1-000001/2026")
                .add("objetoCompra", "AQUISIÇÃO DE UNIFORMES NOVOS")
                .add("dataPublicacaoPncp", "2026-10-01T08:00:00")
                .add("dataAtualizacao", "2026-10-01T08:00:00")
                .add("dataAtualizacaoGlobal", "2026-10-01T08:00:00")
                .add("modalidadeId", 6)
                .build());
        fake.replaceRecords(changed);
        fake.reset();

        Instant tomorrow = TODAY.plus(Duration.ofDays(1));
        IngestionRun second = runToEnd(ingestion(db, "node-a", Clock.fixed(tomorrow, ZoneOffset.UTC)), db);

        assertEquals("succeeded", second.outcome(), second.message());
        Map<String, String> table = table(db);
        assertEquals(before + 1, table.size(), "one new notice, the changed ones not added twice");
        for (int i = 0; i < changedIds.size(); i++) {
            String row = table.get(changedIds.get(i));
            assertTrue(row.startsWith("OBJETO RETIFICADO " + (i + 1)), row);
        }
        assertTrue(table.containsKey("99999999000191-1-000001/2026"));
        assertTrue(
                fake.requests().stream().allMatch(r -> "atualizacao".equals(r.endpoint())),
                "the second run only asks for what changed");
        assertTrue(
                fake.requests().stream()
                        .allMatch(r -> "20260929".equals(r.dataInicial()) && "20261001".equals(r.dataFinal())),
                "from the watermark minus one day to today");
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOneAndUpsertsAreIdempotent() throws Exception {
        IndexDatabase db = database(vendor);
        JsonObject sample = FakePncpServer.sampleRecords().get(0);
        JsonObject newer = Json.createObjectBuilder(sample)
                .add("objetoCompra", "VERSÃO NOVA")
                .add("dataAtualizacaoGlobal", "2026-10-02T10:00:00")
                .build();
        JsonObject older = Json.createObjectBuilder(sample)
                .add("objetoCompra", "VERSÃO ANTIGA")
                .add("dataAtualizacaoGlobal", "2026-10-01T10:00:00")
                .build();
        NoticeStore store = new NoticeStore(db.vendor());
        try (Connection c = db.connection()) {
            store.upsert(c, List.of(notice(newer)), OffsetDateTime.now());
            store.upsert(c, List.of(notice(older)), OffsetDateTime.now());
            store.upsert(c, List.of(notice(newer), notice(older)), OffsetDateTime.now());
        }
        Map<String, String> table = table(db);
        assertEquals(1, table.size());
        assertTrue(table.values().iterator().next().startsWith("VERSÃO NOVA|2026-10-02T10:00"), table.toString());
    }

    @Test
    void aFailingUfIsCoveredAsFailedAndFetchedOnTheNextRun() throws Exception {
        IndexDatabase db = database(vendor);
        startFake(FakePncpServer.sampleRecords());
        fake.fault(
                "SC",
                new FakePncpServer.Fault(
                        500, "application/json", "Erro na comunicação com o banco de dados.", Map.of(), 0));
        Clock clock = Clock.fixed(TODAY, ZoneOffset.UTC);
        IngestionRun first = runToEnd(ingestion(db, "node-a", clock), db);

        assertEquals("partial", first.outcome());
        IndexOverview overview = new IndexStatistics(db, settings(), clock).overview();
        assertTrue(overview.failedUnits().stream().allMatch(u -> "SC".equals(u.uf())));
        assertEquals(MODALIDADES.size() * 13, overview.failedUnits().size(), "every SC unit is listed as failed");
        assertTrue(
                overview.failedUnits().get(0).reason().contains("HTTP 500"),
                overview.failedUnits().get(0).reason());
        Map<String, String> expected = expected(fake.records(), LocalDate.of(2025, 8, 27), LocalDate.of(2026, 9, 30));
        assertFalse(table(db).keySet().stream().anyMatch(id -> "SC".equals(ufOf(id))));

        fake.clearFaults();
        IngestionRun second = runToEnd(ingestion(db, "node-a", clock), db);

        assertEquals("succeeded", second.outcome(), second.message());
        assertEquals(expected, table(db));
        assertEquals(
                0,
                new IndexStatistics(db, settings(), clock)
                        .overview()
                        .failedUnits()
                        .size());
    }

    @Test
    void aStoppedRunIsContinuedByAnotherNodeAndEndsWithTheSameTable() throws Exception {
        IndexDatabase db = database(vendor);
        startFake(FakePncpServer.sampleRecords());
        fake.latency(3);
        Clock clock = Clock.fixed(TODAY, ZoneOffset.UTC);
        Ingestion a = ingestion(db, "node-a", clock);
        IngestionRun started = a.start("teste").orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> fake.requests().size() > 300);
        a.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !a.running());
        IngestionRun stopped = lastRun(db);
        assertEquals(started.id(), stopped.id());
        assertTrue(stopped.running(), "a stopped run stays open for the next one");
        int requestsBefore = fake.requests().size();
        fake.latency(0);

        Ingestion b = ingestion(db, "node-b", clock);
        IngestionRun continued = b.start("agendada").orElseThrow();
        assertEquals(started.id(), continued.id(), "the same run goes on");
        await().atMost(Duration.ofSeconds(120)).until(() -> !b.running());

        IngestionRun finished = lastRun(db);
        assertEquals("succeeded", finished.outcome(), finished.message());
        assertEquals("node-b", finished.node());
        assertEquals(finished.unitsTotal(), finished.unitsDone(), "the run's counts cover both nodes' work");
        assertEquals(table(db).size(), finished.records());
        assertEquals(expected(fake.records(), LocalDate.of(2025, 8, 27), LocalDate.of(2026, 9, 30)), table(db));
        int plannedUnits = 27 * MODALIDADES.size() * 13;
        assertTrue(
                fake.requests().size() - requestsBefore < plannedUnits,
                "the second node does not fetch again what the first one wrote");
    }

    @Test
    void badRecordsAreCountedAndSkipped() throws Exception {
        IndexDatabase db = database(vendor);
        List<JsonObject> records = new ArrayList<>(FakePncpServer.sampleRecords());
        JsonObject base = records.stream()
                .filter(r -> r.getInt("modalidadeId") == 6
                        && r.getString("dataPublicacaoPncp").startsWith("2026-0"))
                .findFirst()
                .orElseThrow();
        records.add(Json.createObjectBuilder(base).remove("numeroControlePNCP").build());
        records.add(Json.createObjectBuilder(base)
                .add("numeroControlePNCP", "11111111000111-1-000001/2026")
                .add("dataAtualizacaoGlobal", "ontem")
                .build());
        records.add(Json.createObjectBuilder(base)
                .add("numeroControlePNCP", "11111111000111-1-000002/2026")
                .add("valorTotalEstimado", "muito")
                .build());
        records.add(Json.createObjectBuilder(base)
                .add("numeroControlePNCP", "11111111000111-1-000003/2026")
                .add("dataEncerramentoProposta", "2026-13-45T00:00:00")
                .build());
        startFake(records);

        IngestionRun run = runToEnd(ingestion(db, "node-a", Clock.fixed(TODAY, ZoneOffset.UTC)), db);

        assertEquals(4, run.badRecords());
        assertEquals("succeeded", run.outcome());
        assertEquals(
                expected(FakePncpServer.sampleRecords(), LocalDate.of(2025, 8, 27), LocalDate.of(2026, 9, 30)),
                table(db));
    }

    @Test
    void onlyOneNodeIngestsAtATime() throws Exception {
        IndexDatabase db = database(vendor);
        startFake(FakePncpServer.sampleRecords());
        fake.latency(5);
        Clock clock = Clock.fixed(TODAY, ZoneOffset.UTC);
        Ingestion a = ingestion(db, "node-a", clock);
        Ingestion b = ingestion(db, "node-b", clock);

        assertTrue(a.start("teste").isPresent());
        assertTrue(b.start("teste").isEmpty(), "node b must not start while a holds the lease");
        assertTrue(b.startIfDue().isEmpty());
        assertTrue(b.runningAnywhere());
        a.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !a.running());
        assertFalse(b.runningAnywhere(), "a stopped node releases the lease");
    }

    // --- helpers

    private IndexDatabase database(String vendor) throws SQLException {
        IndexDatabase db = new IndexDatabase(TestDatabases.empty(vendor, tempDir), 8);
        closing.add(0, db);
        return db;
    }

    private void startFake(List<JsonObject> records) {
        if (fake == null) {
            fake = new FakePncpServer(records);
            closing.add(fake);
        } else {
            fake.replaceRecords(records);
        }
    }

    private IndexSettings settings() {
        return new IndexSettings(
                true,
                Duration.ofMinutes(30),
                HISTORY,
                IndexSettings.ALL_UFS,
                MODALIDADES,
                31,
                1,
                4,
                Duration.ofSeconds(30),
                500);
    }

    private Ingestion ingestion(IndexDatabase db, String node, Clock clock) {
        if (fake == null) {
            startFake(FakePncpServer.sampleRecords());
        }
        PncpSettings pncp = PncpSettings.defaults(fake.baseUrl())
                .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(20));
        PncpClient client = new PncpClient(
                PncpClient.newHttpClient(pncp, executor),
                pncp,
                new RetryPolicy(pncp.initialBackoff(), pncp.maxBackoff(), pncp.maxRetryAfter(), Clock.systemUTC()),
                executor);
        LocalProgressBus bus = new LocalProgressBus(
                executor,
                new br.com.bidiq.progress.control.ProgressSettings(Duration.ofMinutes(5), 100_000),
                Clock.systemUTC());
        return new Ingestion(
                db, settings(), client, new RequestGate(10, executor), bus, executor, scheduler, clock, node);
    }

    private IngestionRun runToEnd(Ingestion ingestion, IndexDatabase db) throws Exception {
        IngestionRun started = ingestion.start("teste").orElseThrow();
        await().atMost(Duration.ofSeconds(120)).until(() -> !ingestion.running());
        IngestionRun run = lastRun(db);
        assertEquals(started.id(), run.id());
        return run;
    }

    private static IngestionRun lastRun(IndexDatabase db) throws SQLException {
        try (Connection c = db.connection()) {
            return new RunLog().last(c).orElseThrow();
        }
    }

    /** id -> "objeto|dataAtualizacaoGlobal" of every row. */
    static Map<String, String> table(IndexDatabase db) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT numero_controle, objeto, data_atualizacao_global " + "FROM notices");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2) + "|" + rs.getObject(3, LocalDateTime.class));
            }
        }
        return rows;
    }

    /** What the index must hold: the served records of the configured modalities published in the range. */
    static Map<String, String> expected(List<JsonObject> served, LocalDate from, LocalDate to) {
        return FakePncpServer.published(served, MODALIDADES, from, to).stream()
                .map(PncpRecordParser::parseRecord)
                .collect(Collectors.toMap(
                        PncpRecord::numeroControlePncp,
                        r -> r.objeto() + "|" + r.dataAtualizacaoGlobal(),
                        (a, b) -> a,
                        TreeMap::new));
    }

    private String ufOf(String id) {
        return fake.records().stream()
                .filter(r -> id.equals(r.getString("numeroControlePNCP", null)))
                .map(r -> r.getJsonObject("unidadeOrgao").getString("ufSigla"))
                .findFirst()
                .orElse("?");
    }

    private static IndexedNotice notice(JsonObject o) {
        return new IndexedNotice(PncpRecordParser.parseRecord(o), o.toString());
    }
}
