package br.com.bidiq.pncp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.pncp.entity.FailedUnit;
import br.com.bidiq.pncp.entity.FetchProgress;
import br.com.bidiq.pncp.entity.FetchQuery;
import br.com.bidiq.pncp.entity.FetchResult;
import br.com.bidiq.pncp.entity.PncpRecord;
import br.com.bidiq.testing.FakePncpServer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PncpFetcherTest {

    static FakePncpServer pncp;
    static ExecutorService executor;

    @BeforeAll
    static void start() {
        pncp = new FakePncpServer(FakePncpServer.sampleRecords());
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        pncp.close();
        executor.shutdownNow();
    }

    @BeforeEach
    void reset() {
        pncp.reset();
    }

    PncpFetcher fetcher(int perSearch, int nodeWide) {
        return new PncpFetcher(client(perSearch), new RequestGate(nodeWide, executor), executor);
    }

    PncpClient client(int perSearch) {
        PncpSettings settings = PncpSettings.defaults(pncp.baseUrl())
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100))
                .withRequestTimeout(Duration.ofSeconds(2))
                .withConcurrency(perSearch);
        PncpClient client = new PncpClient(
                PncpClient.newHttpClient(settings, executor),
                settings,
                new RetryPolicy(
                        settings.initialBackoff(), settings.maxBackoff(), settings.maxRetryAfter(), Clock.systemUTC()),
                executor);
        return client;
    }

    @Test
    void aFetchStopsAtItsRequestBudgetAndReportsTheUnfetchedUnits() {
        PncpFetcher budgeted = new PncpFetcher(client(10), new RequestGate(30, executor), executor, 5);
        // SP mod 6 in these 11 days needs several pages; MG, RJ and ES one request each at least.
        FetchQuery q = query(List.of("SP", "MG", "RJ", "ES"), List.of(6), "2026-01-02", "2026-01-12");

        FetchResult result = budgeted.fetch(q, FetchListener.NONE);

        assertEquals(5, result.requests(), "no request beyond the budget leaves");
        assertEquals(5, pncp.requests().size());
        assertTrue(!result.failedUnits().isEmpty());
        assertTrue(
                result.failedUnits().stream().allMatch(f -> RequestBudgetExceededException.is(f.motivo())),
                result.failedUnits().toString());
        assertTrue(result.failedUnits().get(0).motivo().startsWith("limite de 5 requisições ao PNCP"));
        assertEquals(4, result.failedUnits().size() + result.completedUnits().size());
    }

    static FetchQuery query(List<String> ufs, List<Integer> mods, String from, String to) {
        return new FetchQuery(ufs, mods, LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void followsEveryPageOfAUnit() {
        // SP modality 6 in these 11 days holds several hundred real records: many pages of 50.
        FetchResult result =
                fetcher(10, 30).fetch(query(List.of("SP"), List.of(6), "2026-01-02", "2026-01-12"), FetchListener.NONE);

        long expected = FakePncpServer.sampleRecords().stream()
                .filter(r ->
                        r.getJsonObject("unidadeOrgao").getString("ufSigla").equals("SP"))
                .filter(r -> r.getInt("modalidadeId") == 6)
                .filter(r -> {
                    String d = r.getString("dataPublicacaoPncp").substring(0, 10);
                    return d.compareTo("2026-01-02") >= 0 && d.compareTo("2026-01-12") <= 0;
                })
                .count();
        assertTrue(expected > 100, "sample should span several pages: " + expected);
        assertEquals(expected, result.records().size());
        int pages = (int) Math.ceil(expected / 50.0);
        assertEquals(pages, result.requests());
        assertEquals(
                pages,
                pncp.requests().stream()
                        .map(FakePncpServer.Request::pagina)
                        .distinct()
                        .count());
        assertTrue(pncp.requests().stream().allMatch(r -> r.tamanhoPagina() == 50));
        assertTrue(result.failedUnits().isEmpty());
    }

    @Test
    void splitsLongRangesIntoThirtyDayWindows() {
        fetcher(10, 30).fetch(query(List.of("MG"), List.of(6), "2026-01-01", "2026-03-15"), FetchListener.NONE);

        Set<String> windows = pncp.requests().stream()
                .filter(r -> r.pagina() == 1)
                .map(r -> r.dataInicial() + "-" + r.dataFinal())
                .collect(Collectors.toSet());
        assertEquals(Set.of("20260101-20260130", "20260131-20260301", "20260302-20260315"), windows);
    }

    @Test
    void deduplicatesTheSamePurchaseAcrossModalitiesAndWindows() {
        pncp.ignoreModality(true);

        FetchResult result = fetcher(10, 30)
                .fetch(query(List.of("SC"), List.of(4, 5, 6), "2026-02-10", "2026-03-12"), FetchListener.NONE);

        Set<String> ids = new HashSet<>();
        result.records().forEach(r -> assertTrue(ids.add(r.numeroControlePncp()), "duplicate " + r));
        assertEquals(3 * ids.size(), result.rawRecords());
    }

    @Test
    void aFailingUfIsReportedAndTheOthersStillArrive() {
        pncp.fault(
                "ES",
                new FakePncpServer.Fault(
                        500, "application/json", "Erro na comunicação com o banco de dados.", Map.of(), 0));

        FetchResult result = fetcher(10, 30)
                .fetch(query(List.of("ES", "MG"), List.of(6), "2026-01-01", "2026-01-30"), FetchListener.NONE);

        assertEquals(1, result.failedUnits().size());
        FailedUnit failed = result.failedUnits().get(0);
        assertEquals("ES", failed.uf());
        assertEquals(6, failed.modalidade());
        assertTrue(failed.motivo().contains("HTTP 500"), failed.motivo());
        assertTrue(result.records().stream().allMatch(r -> r.uf().equals("MG")));
        assertTrue(!result.records().isEmpty());
    }

    @Test
    void aThrottledUfRecoversAfterRetry() {
        pncp.fault(
                "RJ",
                new FakePncpServer.Fault(
                        429,
                        "text/html",
                        "<html><title>Limite de Requisições Excedido</title></html>",
                        Map.of("Retry-After", "0"),
                        2));

        FetchResult result =
                fetcher(10, 30).fetch(query(List.of("RJ"), List.of(6), "2026-01-02", "2026-01-31"), FetchListener.NONE);

        assertTrue(result.failedUnits().isEmpty());
        assertTrue(result.records().size() > 0);
    }

    @Test
    void neverHasMoreRequestsInFlightThanTheBounds() {
        pncp.latency(40);
        List<String> ufs = List.of("SP", "MG", "RJ", "ES", "SC", "PR", "RS", "MS");

        fetcher(4, 30).fetch(query(ufs, List.of(1, 4, 5, 6), "2026-01-01", "2026-02-15"), FetchListener.NONE);
        assertTrue(pncp.maxInFlight() <= 4, "per search: " + pncp.maxInFlight());
        assertTrue(pncp.maxInFlight() >= 2, "should run concurrently: " + pncp.maxInFlight());

        pncp.reset();
        pncp.latency(40);
        fetcher(10, 3).fetch(query(ufs, List.of(1, 4, 5, 6), "2026-01-01", "2026-02-15"), FetchListener.NONE);
        assertTrue(pncp.maxInFlight() <= 3, "node-wide: " + pncp.maxInFlight());
    }

    @Test
    void reportsEveryUnitOnceInOrderWithGrowingCounts() {
        List<FetchProgress> events = new ArrayList<>();
        List<String> ufs = List.of("SP", "MG", "ES");

        FetchResult result = fetcher(10, 30).fetch(query(ufs, List.of(4, 6), "2026-01-01", "2026-02-15"), events::add);

        assertEquals(ufs.size() * 2 * 2, events.size());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).unitsDone());
            assertEquals(12, events.get(i).unitsTotal());
            assertEquals(3, events.get(i).ufsTotal());
            if (i > 0) {
                assertTrue(events.get(i).recordsFound() >= events.get(i - 1).recordsFound());
                assertTrue(events.get(i).ufsDone() >= events.get(i - 1).ufsDone());
            }
        }
        assertEquals(3, events.get(events.size() - 1).ufsDone());
        assertEquals(result.records().size(), events.get(events.size() - 1).recordsFound());
    }

    @Test
    void keepsTheRecordsOfARealPage() {
        FetchResult result =
                fetcher(10, 30).fetch(query(List.of("SC"), List.of(4), "2026-02-10", "2026-03-12"), FetchListener.NONE);
        PncpRecord any = result.records().get(0);
        assertEquals("SC", any.uf());
        assertEquals(4, any.modalidadeId());
        assertTrue(any.codigoIbge().matches("\\d{7}"));
    }
}
