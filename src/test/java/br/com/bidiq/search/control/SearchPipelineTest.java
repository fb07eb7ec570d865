package br.com.bidiq.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.platform.Cancellation;
import br.com.bidiq.pncp.control.PncpClient;
import br.com.bidiq.pncp.control.PncpFetcher;
import br.com.bidiq.pncp.control.PncpSettings;
import br.com.bidiq.pncp.control.RequestGate;
import br.com.bidiq.pncp.control.RetryPolicy;
import br.com.bidiq.progress.entity.ProgressEvent;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchResult;
import br.com.bidiq.storage.control.FilesystemReportStorage;
import br.com.bidiq.storage.control.ObjectReportStorage;
import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

@Tag("s3proxy")
class SearchPipelineTest {

    static FakePncpServer pncp;
    static S3ProxyServer s3;
    static ExecutorService executor;

    @TempDir
    Path reports;

    @BeforeAll
    static void start() throws Exception {
        pncp = new FakePncpServer(FakePncpServer.sampleRecords());
        s3 = new S3ProxyServer(0);
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() throws Exception {
        pncp.close();
        s3.close();
        executor.shutdownNow();
    }

    static PncpFetcher fetcher() {
        return fetcher(pncp, executor);
    }

    static PncpFetcher fetcher(FakePncpServer pncp, ExecutorService executor) {
        PncpSettings settings = PncpSettings.defaults(pncp.baseUrl())
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50));
        PncpClient client = new PncpClient(
                PncpClient.newHttpClient(settings, executor),
                settings,
                new RetryPolicy(
                        settings.initialBackoff(), settings.maxBackoff(), settings.maxRetryAfter(), Clock.systemUTC()),
                executor);
        return new PncpFetcher(client, new RequestGate(30, executor), executor);
    }

    SearchPipeline pipeline(FakePncpServer from) throws java.io.IOException {
        SearchPipeline pipeline = new SearchPipeline();
        pipeline.fetcher = fetcher(from, executor);
        pipeline.storage = new FilesystemReportStorage(reports, Duration.ofHours(1), Clock.systemUTC());
        return pipeline;
    }

    static SearchRequest request() {
        return new SearchRequest(
                null,
                List.of("SC"),
                "2026-02-10",
                "2026-03-12",
                "engenharia",
                null,
                null,
                null,
                null,
                List.of(4, 5),
                null,
                null,
                null,
                null,
                null,
                null,
                "pncp",
                null);
    }

    @Test
    void reportsStagesInOrderAndStoresTheReport() throws Exception {
        SearchPipeline pipeline = new SearchPipeline();
        pipeline.fetcher = fetcher();
        pipeline.storage = new FilesystemReportStorage(reports, Duration.ofHours(1), Clock.systemUTC());
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        SearchResult r = pipeline.run(UUID.randomUUID().toString(), request(), events::add);

        List<String> stages = events.stream().map(ProgressEvent::stage).toList();
        assertEquals(
                List.of(
                        "connecting",
                        "connecting",
                        "fetching",
                        "fetching",
                        "fetching",
                        "fetching",
                        "fetching",
                        "fetching",
                        "filtering",
                        "filtering",
                        "summary",
                        "excel"),
                stages);
        List<Integer> percents = events.stream().map(ProgressEvent::progress).toList();
        List<Integer> sorted = new ArrayList<>(percents);
        sorted.sort(null);
        assertEquals(sorted, percents, "progress never goes backwards");
        assertEquals(55, percents.get(7));
        assertNotNull(r.downloadId());
        assertNull(r.excelBase64());
        assertTrue(pipeline.storage.find(r.downloadId()).isPresent());
        assertEquals(r.totalFiltrado(), r.licitacoes().size());
    }

    @Test
    void anEmptyResultGoesFromFilteringToTheEndWithoutAReport() throws Exception {
        SearchPipeline pipeline = new SearchPipeline();
        pipeline.fetcher = fetcher();
        pipeline.storage = new FilesystemReportStorage(reports, Duration.ofHours(1), Clock.systemUTC());
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        SearchRequest nothing = new SearchRequest(
                null,
                List.of("SC"),
                "2026-02-11",
                "2026-03-12",
                "engenharia",
                "zeppelins dirigiveis",
                null,
                null,
                null,
                List.of(4),
                null,
                null,
                null,
                null,
                null,
                null,
                "pncp",
                null);

        SearchResult r = pipeline.run(UUID.randomUUID().toString(), nothing, events::add);

        assertEquals(
                List.of("connecting", "connecting", "fetching", "fetching", "fetching", "filtering", "filtering"),
                events.stream().map(ProgressEvent::stage).toList());
        assertEquals(0, r.totalFiltrado());
        assertTrue(r.totalRaw() > 0);
        assertNull(r.downloadId());
        // Custom terms replace the sector's keywords: the search is named after them, not after the sector.
        assertTrue(
                r.resumo().resumoExecutivo().startsWith("Nenhuma licitação com os termos “zeppelins, dirigiveis”"),
                r.resumo().resumoExecutivo());
        assertEquals("Termos: zeppelins, dirigiveis", r.rotuloBusca());
        assertTrue(!r.incompleta());
    }

    @Test
    void whenEveryPncpQueryFailsTheSearchFailsInsteadOfFindingNothing() throws Exception {
        try (FakePncpServer down = new FakePncpServer(FakePncpServer.sampleRecords())) {
            down.fault("SC", new FakePncpServer.Fault(503, "text/html", "<html>indisponível</html>", Map.of(), 0));
            SearchPipeline pipeline = pipeline(down);

            PncpUnreachableException e = assertThrows(
                    PncpUnreachableException.class,
                    () -> pipeline.run(UUID.randomUUID().toString(), request(), ev -> {}));
            assertTrue(
                    e.getMessage().startsWith("Não foi possível consultar o PNCP: as 4 consultas falharam"),
                    e.getMessage());
            assertEquals(4, e.failedUnits().size());
        }
    }

    @Test
    void someFailedQueriesMakeAnIncompleteResult() throws Exception {
        try (FakePncpServer half = new FakePncpServer(FakePncpServer.sampleRecords())) {
            half.fault("PR", new FakePncpServer.Fault(500, "text/plain", "erro", Map.of(), 0));
            SearchPipeline pipeline = pipeline(half);
            SearchRequest both = new SearchRequest(
                    null,
                    List.of("SC", "PR"),
                    "2026-02-10",
                    "2026-03-12",
                    "engenharia",
                    null,
                    null,
                    null,
                    null,
                    List.of(4, 5),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "pncp",
                    null);

            SearchResult r = pipeline.run(UUID.randomUUID().toString(), both, ev -> {});

            assertTrue(r.incompleta());
            assertEquals(4, r.unidadesComFalha().size());
            assertTrue(r.unidadesComFalha().stream().allMatch(f -> f.uf().equals("PR")));
            assertTrue(r.totalFiltrado() > 0);
        }
    }

    @Test
    void aCancelledSearchStopsSendingPncpRequests() throws Exception {
        try (FakePncpServer slow = new FakePncpServer(FakePncpServer.sampleRecords())) {
            slow.latency(100);
            SearchPipeline pipeline = pipeline(slow);
            Cancellation cancellation = new Cancellation();
            List<String> all = List.of(
                    "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR",
                    "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO");
            SearchRequest big = new SearchRequest(
                    null,
                    all,
                    "2026-01-01",
                    "2026-03-12",
                    "engenharia",
                    null,
                    null,
                    null,
                    null,
                    List.of(4, 5, 6, 7, 8),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "pncp",
                    null);
            java.util.concurrent.atomic.AtomicInteger seenAtCancel = new java.util.concurrent.atomic.AtomicInteger();

            assertThrows(
                    SearchCancelledException.class,
                    () -> pipeline.run(
                            UUID.randomUUID().toString(),
                            big,
                            ev -> {
                                if ("fetching".equals(ev.stage()) && ev.progress() > 10 && !cancellation.cancelled()) {
                                    seenAtCancel.set(slow.requests().size());
                                    cancellation.cancel();
                                }
                            },
                            cancellation));

            int planned = 27 * 5 * 3;
            int after = slow.requests().size();
            // Only the requests already in flight (at most the per-search concurrency) go out after the cancel.
            assertTrue(
                    after - seenAtCancel.get()
                            <= PncpSettings.defaults(slow.baseUrl()).concurrencyPerSearch(),
                    "requests at cancel " + seenAtCancel.get() + ", after " + after);
            assertTrue(after < planned / 4, "requests: " + after + " of " + planned);
        }
    }

    @Test
    void anUploadThatFailsFallsBackToBase64WithOneWarning() throws Exception {
        SearchPipeline pipeline = new SearchPipeline();
        pipeline.fetcher = fetcher();
        var wrong = StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.IDENTITY, "wrong"));
        S3Client client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .credentialsProvider(wrong)
                .build();
        S3Presigner presigner = S3Presigner.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(s3.endpoint())
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(wrong)
                .build();
        pipeline.storage = new ObjectReportStorage(
                client, presigner, "excel-reports", Duration.ofMinutes(60), Duration.ofHours(24), Clock.systemUTC());
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(SearchPipeline.class.getName());
        logger.addHandler(capture);
        try {
            SearchResult r = pipeline.run(UUID.randomUUID().toString(), request(), e -> {});

            assertNull(r.downloadId());
            assertNull(r.downloadUrl());
            assertNotNull(r.excelBase64());
            try (XSSFWorkbook wb = new XSSFWorkbook(
                    new ByteArrayInputStream(Base64.getDecoder().decode(r.excelBase64())))) {
                assertEquals(r.totalFiltrado() + 2, wb.getSheetAt(0).getPhysicalNumberOfRows());
            }
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).getMessage().contains("Storage upload failed, falling back to base64"));
        } finally {
            logger.removeHandler(capture);
        }
    }
}
