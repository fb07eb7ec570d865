package br.com.bidiq.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.filtering.control.SectorCatalog;
import br.com.bidiq.filtering.entity.Sector;
import br.com.bidiq.index.control.IndexDatabase;
import br.com.bidiq.index.control.IndexFeed;
import br.com.bidiq.index.control.IndexSearch;
import br.com.bidiq.report.entity.Licitacao;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchResult;
import br.com.bidiq.storage.control.FilesystemReportStorage;
import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.TestDatabases;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index answers exactly as PNCP live does. Every sector, custom terms and the structured filters run over the
 * real sample records twice: live through the fake PNCP, and from the index (PostgreSQL, then H2) filled by those
 * live fetches. The result lists must be identical: same notices, same order, same matched terms and values.
 */
abstract class IndexIdentityTest {

    /** The database the cases run on: {@code h2} (embedded) or {@code postgresql} (127.0.0.1:5432). */
    final String vendor;

    IndexIdentityTest(String vendor) {
        this.vendor = vendor;
    }

    /** 2026-03-01 12:00 in Brasília: some sample tenders are still receiving proposals then. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T15:00:00Z"), ZoneOffset.UTC);
    /** Every UF the samples hold records of, and two they hold none of. */
    static final List<String> UFS = List.of("ES", "MG", "MS", "PR", "RJ", "RS", "SC", "SP", "BA", "AC");

    static final List<Integer> MODALIDADES = List.of(1, 4, 5, 6);
    /** Together they hold every sample record; the last lies wholly before the clock. */
    static final List<String[]> RANGES =
            List.of(new String[] {"2025-06-15", "2026-06-15"}, new String[] {"2026-06-16", "2026-10-31"}, new String[] {
                "2024-03-01", "2024-07-31"
            });

    static FakePncpServer pncp;
    static ExecutorService executor;
    static Path reports;
    /** Each variant's live result, computed once for both databases. */
    static final Map<String, List<Licitacao>> LIVE = new LinkedHashMap<>();

    static final Map<String, SearchRequest> VARIANTS = new LinkedHashMap<>();

    @TempDir
    Path tempDir;

    @BeforeAll
    static void live() throws Exception {
        pncp = new FakePncpServer(FakePncpServer.sampleRecords());
        executor = Executors.newCachedThreadPool();
        reports = Files.createTempDirectory("bidiq-identity");
        for (String[] range : RANGES) {
            for (Sector sector : SectorCatalog.standard().all()) {
                variant(range, sector.id(), null, "todos", "data_desc", null, null, null, null, null, null);
            }
            variant(range, "vestuario", null, "recebendo_proposta", "prazo_asc", null, null, null, null, null, null);
            variant(
                    range,
                    "engenharia",
                    null,
                    "em_julgamento",
                    "valor_desc",
                    new BigDecimal("100000"),
                    new BigDecimal("5000000"),
                    null,
                    null,
                    null,
                    null);
            variant(range, "alimentos", null, "encerrada", "prazo_asc", null, null, List.of("M"), null, null, null);
            variant(
                    range,
                    "informatica",
                    null,
                    "todos",
                    "relevancia",
                    null,
                    null,
                    null,
                    List.of("3550308"),
                    null,
                    null);
            variant(
                    range,
                    "facilities",
                    null,
                    "todos",
                    "data_asc",
                    null,
                    null,
                    null,
                    null,
                    List.of("46.395.000/0001-39"),
                    null);
            variant(
                    range,
                    "saude",
                    null,
                    "todos",
                    "valor_asc",
                    null,
                    new BigDecimal("250000.5"),
                    List.of("E", "M"),
                    null,
                    List.of("municipio de sao paulo", "secretaria de estado"),
                    null);
            variant(
                    range,
                    "vestuario",
                    "jaleco, avental, uniforme",
                    "todos",
                    "relevancia",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            variant(
                    range,
                    "engenharia",
                    "pavimentação asfáltica reforma",
                    "todos",
                    "data_desc",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            variant(
                    range,
                    "informatica",
                    "notebook computador impressora servidor",
                    "recebendo_proposta",
                    "prazo_asc",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            variant(
                    range,
                    "alimentos",
                    "merenda escolar gêneros alimentícios",
                    "todos",
                    "valor_desc",
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of("carne"));
            variant(range, "vestuario", "zeppelin dirigível", "todos", "data_desc", null, null, null, null, null, null);
        }
        SearchPipeline pipeline = pipeline(null, null);
        for (Map.Entry<String, SearchRequest> v : VARIANTS.entrySet()) {
            LIVE.put(
                    v.getKey(),
                    pipeline.run(UUID.randomUUID().toString(), v.getValue(), e -> {})
                            .licitacoes());
        }
    }

    @AfterAll
    static void stop() {
        pncp.close();
        executor.shutdownNow();
    }

    private static void variant(
            String[] range,
            String sector,
            String terms,
            String status,
            String ordering,
            BigDecimal min,
            BigDecimal max,
            List<String> esferas,
            List<String> municipios,
            List<String> orgaos,
            List<String> exclusions) {
        String key = range[0] + " " + sector + " " + terms + " " + status + " " + ordering + " " + min + "-" + max + " "
                + esferas + " " + municipios + " " + orgaos + " " + exclusions;
        VARIANTS.put(
                key,
                new SearchRequest(
                        null,
                        UFS,
                        range[0],
                        range[1],
                        sector,
                        terms,
                        null,
                        exclusions,
                        status,
                        MODALIDADES,
                        min,
                        max,
                        esferas,
                        municipios,
                        orgaos,
                        ordering,
                        "pncp",
                        null));
    }

    static SearchPipeline pipeline(IndexSearch index, IndexFeed feed) throws IOException {
        SearchPipeline pipeline = new SearchPipeline();
        pipeline.fetcher = SearchPipelineTest.fetcher(pncp, executor);
        pipeline.storage = new FilesystemReportStorage(reports, Duration.ofHours(1), CLOCK);
        pipeline.index = index;
        pipeline.feed = feed;
        pipeline.clock = CLOCK;
        return pipeline;
    }

    static SearchRequest from(SearchRequest r, String fonte) {
        return new SearchRequest(
                null,
                r.ufs(),
                r.startDate(),
                r.endDate(),
                r.sectorId(),
                r.terms(),
                r.showAllMatches(),
                r.exclusionTerms(),
                r.status(),
                r.modalities(),
                r.minValue(),
                r.maxValue(),
                r.spheres(),
                r.municipalities(),
                r.agencies(),
                r.ordering(),
                fonte,
                null);
    }

    @Test
    void theIndexAnswersEverySearchExactlyAsPncpLive() throws Exception {
        try (IndexDatabase db = new IndexDatabase(TestDatabases.empty(vendor, tempDir), 4)) {
            IndexSearch index = new IndexSearch(db, Duration.ofHours(2), CLOCK);
            SearchPipeline pipeline = pipeline(index, new IndexFeed(db, CLOCK));
            // Live searches keep what they fetched: one per range fills the index with every sample record.
            for (String[] range : RANGES) {
                SearchResult filled = pipeline.run(
                        UUID.randomUUID().toString(),
                        new SearchRequest(
                                null,
                                UFS,
                                range[0],
                                range[1],
                                "vestuario",
                                null,
                                null,
                                null,
                                null,
                                MODALIDADES,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "pncp",
                                null),
                        e -> {});
                assertEquals("pncp", filled.fonte());
            }

            int nonEmpty = 0;
            int found = 0;
            List<String> differences = new ArrayList<>();
            for (Map.Entry<String, SearchRequest> v : VARIANTS.entrySet()) {
                SearchResult indexed =
                        pipeline.run(UUID.randomUUID().toString(), from(v.getValue(), "indice"), e -> {});
                assertEquals("indice", indexed.fonte());
                assertEquals(0, indexed.requisicoesPncp());
                List<Licitacao> live = LIVE.get(v.getKey());
                if (!live.equals(indexed.licitacoes())) {
                    differences.add(v.getKey() + ": live " + ids(live) + " index " + ids(indexed.licitacoes()));
                }
                nonEmpty += live.isEmpty() ? 0 : 1;
                found += live.size();
            }
            assertEquals(List.of(), differences);
            // Not a comparison of empty lists: most searches of the year that holds most samples find notices.
            assertTrue(
                    nonEmpty >= 20 && found > 500,
                    nonEmpty + " of " + VARIANTS.size() + " variants found " + found + " notices");

            // The 2024 range lies wholly before the clock and was fetched completely: auto answers from the index.
            int before = pncp.requests().size();
            SearchResult auto = pipeline.run(
                    UUID.randomUUID().toString(),
                    from(
                            VARIANTS.values().stream()
                                    .filter(r -> r.startDate().startsWith("2024"))
                                    .findFirst()
                                    .orElseThrow(),
                            "auto"),
                    e -> {});
            assertEquals("indice", auto.fonte());
            assertEquals(List.of(), auto.indiceNaoCoberto());
            assertEquals(before, pncp.requests().size(), "no PNCP request");
            assertFalse(auto.dadosAtualizadosEm() == null);
        }
    }

    private static List<String> ids(List<Licitacao> items) {
        return items.stream().map(Licitacao::pncpId).toList();
    }
}
