package br.com.bidiq.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.filtering.control.TextNormalizer;
import br.com.bidiq.index.control.DatabaseUrl;
import br.com.bidiq.index.control.IndexDatabase;
import br.com.bidiq.index.control.IndexFeed;
import br.com.bidiq.index.control.IndexSearch;
import br.com.bidiq.progress.entity.ProgressEvent;
import br.com.bidiq.report.entity.Licitacao;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchResult;
import br.com.bidiq.storage.control.FilesystemReportStorage;
import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.TestDatabases;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where searches get their notices: auto, indice and pncp, "abertas agora", and a database that is down. */
class SourceSelectionTest {

    /** 2026-03-01 12:00 in Brasília. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T15:00:00Z"), ZoneOffset.UTC);

    static final List<String> UFS = List.of("ES", "MG", "RJ", "SC", "SP");
    static final List<Integer> MODALIDADES = List.of(4, 5, 6);

    static FakePncpServer pncp;
    static ExecutorService executor;

    @TempDir
    Path tempDir;

    IndexDatabase db;
    SearchPipeline pipeline;

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
    void index() throws Exception {
        pncp.reset();
        db = new IndexDatabase(TestDatabases.empty("h2", tempDir), 4);
        pipeline = pipeline(db);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        db.close();
    }

    SearchPipeline pipeline(IndexDatabase database) throws Exception {
        SearchPipeline p = new SearchPipeline();
        p.fetcher = SearchPipelineTest.fetcher(pncp, executor);
        p.storage = new FilesystemReportStorage(tempDir.resolve("reports"), Duration.ofHours(1), CLOCK);
        p.index = new IndexSearch(database, Duration.ofHours(2), CLOCK);
        p.feed = new IndexFeed(database, CLOCK);
        p.clock = CLOCK;
        return p;
    }

    static SearchRequest request(String from, String to, String terms, String fonte, Boolean abertas) {
        return new SearchRequest(
                null,
                UFS,
                from,
                to,
                "vestuario",
                terms,
                null,
                null,
                abertas == null ? null : "recebendo_proposta",
                MODALIDADES,
                null,
                null,
                null,
                null,
                null,
                "prazo_asc",
                fonte,
                abertas);
    }

    SearchResult run(SearchRequest r, List<ProgressEvent> events) throws Exception {
        return pipeline.run(UUID.randomUUID().toString(), r, events::add);
    }

    static List<String> stages(List<ProgressEvent> events) {
        return events.stream().map(ProgressEvent::stage).toList();
    }

    @Test
    void autoGoesLiveWhereTheIndexHasNothingThenAnswersFromTheIndexWithoutPncp() throws Exception {
        SearchRequest january = request("2026-01-02", "2026-01-31", null, null, null);
        List<ProgressEvent> first = new CopyOnWriteArrayList<>();
        SearchResult live = run(january, first);
        assertEquals("pncp", live.fonte());
        assertTrue(
                live.fonteMotivo().startsWith("o índice não cobre ES/4 2026-01-02 a 2026-01-31"), live.fonteMotivo());
        assertTrue(stages(first).contains("fetching"));
        int requests = pncp.requests().size();
        assertTrue(requests > 0);

        List<ProgressEvent> second = new CopyOnWriteArrayList<>();
        SearchResult indexed = run(january, second);
        assertEquals("indice", indexed.fonte());
        assertEquals(requests, pncp.requests().size(), "no PNCP request");
        assertEquals(live.licitacoes(), indexed.licitacoes());
        assertTrue(indexed.totalFiltrado() > 0);
        assertEquals(List.of(), indexed.indiceNaoCoberto());
        assertEquals("2026-03-01T15:00:00Z", indexed.dadosAtualizadosEm());
        assertEquals(
                List.of(
                        "connecting",
                        "connecting",
                        "consultando",
                        "consultando",
                        "filtering",
                        "filtering",
                        "summary",
                        "excel"),
                stages(second));
        assertEquals(indexed.totalRaw(), second.get(3).detail().get("candidatos"));

        // One more day than was fetched: not covered, so live again.
        SearchResult wider = run(request("2026-01-02", "2026-02-01", null, null, null), new CopyOnWriteArrayList<>());
        assertEquals("pncp", wider.fonte());
        assertTrue(pncp.requests().size() > requests);
    }

    @Test
    void indiceAnswersWhateverItCoversAndSaysWhatItLacks() throws Exception {
        run(request("2026-01-02", "2026-01-31", null, "pncp", null), new CopyOnWriteArrayList<>());
        int requests = pncp.requests().size();
        SearchResult r = run(request("2025-12-20", "2026-01-31", null, "indice", null), new CopyOnWriteArrayList<>());
        assertEquals("indice", r.fonte());
        assertEquals(requests, pncp.requests().size());
        assertEquals(UFS.size() * MODALIDADES.size(), r.indiceNaoCoberto().size());
        assertEquals("2025-12-20", r.indiceNaoCoberto().get(0).dataInicial());
        assertEquals("2026-01-01", r.indiceNaoCoberto().get(0).dataFinal());
    }

    @Test
    void abertasAgoraFindsEveryIndexedNoticeWhoseDeadlineIsAheadWhateverItsPublicationDay() throws Exception {
        // Fill the index with a year of samples, through live searches.
        run(request("2025-06-15", "2026-06-15", null, "pncp", null), new CopyOnWriteArrayList<>());
        run(request("2026-06-16", "2026-10-31", null, "pncp", null), new CopyOnWriteArrayList<>());
        int requests = pncp.requests().size();

        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        SearchResult open = run(request(null, null, "aquisição", null, true), events);

        // The term in either number: "aquisição" and "aquisições".
        Pattern term = Pattern.compile("(?<![\\p{L}\\p{N}])aquisic(?:ao|oes|aes|aos)(?![\\p{L}\\p{N}])");
        Set<String> expected = new TreeSet<>();
        for (JsonObject o : FakePncpServer.sampleRecords()) {
            String deadline = o.getString("dataEncerramentoProposta", null);
            String situacao = o.getString("situacaoCompraNome", "");
            JsonValue homologado = o.get("valorTotalHomologado");
            boolean homologated = homologado instanceof JsonNumber n && n.doubleValue() > 0;
            if (UFS.contains(o.getJsonObject("unidadeOrgao").getString("ufSigla"))
                    && MODALIDADES.contains(o.getInt("modalidadeId"))
                    && deadline != null
                    && deadline.compareTo("2026-03-01T12:00:00") > 0
                    && !homologated
                    && situacao.equals("Divulgada no PNCP")
                    && term.matcher(TextNormalizer.normalize(o.getString("objetoCompra", "")))
                            .find()) {
                expected.add(o.getString("numeroControlePNCP"));
            }
        }
        Set<String> got =
                new TreeSet<>(open.licitacoes().stream().map(Licitacao::pncpId).toList());
        assertEquals(expected, got);
        assertTrue(expected.size() > 10, "open tenders at the clock: " + expected.size());
        assertTrue(
                open.licitacoes().stream().anyMatch(l -> l.dataPublicacao().compareTo("2026-02-22") < 0),
                "published before the page's default last-7-days window, still open");
        assertEquals("indice", open.fonte());
        assertEquals(requests, pncp.requests().size(), "answered by the index alone");
        assertNotNull(open.dadosAtualizadosEm());
        assertEquals(
                List.of(
                        "connecting",
                        "connecting",
                        "consultando",
                        "consultando",
                        "filtering",
                        "filtering",
                        "summary",
                        "excel"),
                stages(events));
    }

    @Test
    void aDatabaseThatIsDownSendsAutoLiveAndEndsIndiceWithAClearError() throws Exception {
        IndexDatabase down =
                new IndexDatabase(DatabaseUrl.of("jdbc:postgresql://127.0.0.1:9/bidiq", "postgres", "", tempDir), 2);
        try {
            SearchPipeline p = pipeline(down);
            SearchResult live =
                    p.run(UUID.randomUUID().toString(), request("2026-01-02", "2026-01-31", null, null, null), e -> {});
            assertEquals("pncp", live.fonte());
            assertEquals("índice local indisponível", live.fonteMotivo());
            assertTrue(live.totalFiltrado() > 0);

            IndexUnavailableException indice = assertThrows(
                    IndexUnavailableException.class,
                    () -> p.run(
                            UUID.randomUUID().toString(),
                            request("2026-01-02", "2026-01-31", null, "indice", null),
                            e -> {}));
            assertTrue(indice.getMessage().startsWith("O índice local está indisponível"), indice.getMessage());
            IndexUnavailableException abertas = assertThrows(
                    IndexUnavailableException.class,
                    () -> p.run(UUID.randomUUID().toString(), request(null, null, null, null, true), e -> {}));
            assertTrue(abertas.getMessage().startsWith("'Abertas agora'"), abertas.getMessage());
        } finally {
            down.close();
        }
    }
}
