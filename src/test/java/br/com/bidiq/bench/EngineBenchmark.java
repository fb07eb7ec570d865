package br.com.bidiq.bench;

import br.com.bidiq.pncp.control.FetchListener;
import br.com.bidiq.pncp.control.PncpClient;
import br.com.bidiq.pncp.control.PncpFetcher;
import br.com.bidiq.pncp.control.PncpSettings;
import br.com.bidiq.pncp.control.RequestGate;
import br.com.bidiq.pncp.control.RetryPolicy;
import br.com.bidiq.pncp.entity.FetchQuery;
import br.com.bidiq.pncp.entity.FetchResult;
import br.com.bidiq.report.control.ExcelReportWriter;
import br.com.bidiq.report.entity.Licitacao;
import br.com.bidiq.report.entity.ReportParameters;
import br.com.bidiq.testing.FakePncpServer;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prints the engine's speed figures: (a) a PNCP fetch against the fake with 100 ms latency per response, next to
 * the ideal ceil(requests / concurrency) x latency; (b) an Excel report of 100,000 rows, time and peak heap.
 * Run with {@code mvn -Pbench -Dbench=EngineBenchmark test-compile exec:java}.
 */
public final class EngineBenchmark {

    public static void main(String[] args) throws Exception {
        fetch(100, 10);
        excel(100_000);
        System.exit(0);
    }

    static void fetch(long latencyMillis, int concurrency) {
        ExecutorService executor = Executors.newCachedThreadPool();
        try (FakePncpServer pncp = new FakePncpServer(FakePncpServer.sampleRecords())) {
            pncp.latency(latencyMillis);
            PncpSettings settings = PncpSettings.defaults(pncp.baseUrl()).withConcurrency(concurrency);
            PncpClient client = new PncpClient(
                    PncpClient.newHttpClient(settings, executor),
                    settings,
                    new RetryPolicy(
                            settings.initialBackoff(),
                            settings.maxBackoff(),
                            settings.maxRetryAfter(),
                            Clock.systemUTC()),
                    executor);
            PncpFetcher fetcher = new PncpFetcher(client, new RequestGate(100, executor), executor);
            FetchQuery query = new FetchQuery(
                    List.of("SP", "MG", "RJ", "ES", "SC", "PR", "RS", "MS"),
                    List.of(1, 4, 5, 6),
                    LocalDate.parse("2026-01-01"),
                    LocalDate.parse("2026-02-28"));
            fetcher.fetch(query, FetchListener.NONE); // warm-up: JIT, connections
            long start = System.nanoTime();
            FetchResult r = fetcher.fetch(query, FetchListener.NONE);
            long wall = (System.nanoTime() - start) / 1_000_000;
            long ideal = (long) Math.ceil(r.requests() / (double) concurrency) * latencyMillis;
            System.out.printf(
                    "fetch: %d requests (%d units, %d records), concurrency %d, latency %d ms:"
                            + " wall %d ms, ideal %d ms, ratio %.2f, max in flight %d%n",
                    r.requests(),
                    r.unitsTotal(),
                    r.records().size(),
                    concurrency,
                    latencyMillis,
                    wall,
                    ideal,
                    wall / (double) ideal,
                    pncp.maxInFlight());
        } finally {
            executor.shutdownNow();
        }
    }

    static void excel(int rows) throws Exception {
        List<Licitacao> items = new AbstractList<>() {
            @Override
            public Licitacao get(int i) {
                return new Licitacao(
                        "00394460005887-1-" + String.format("%06d", i) + "/2026",
                        "Aquisição de uniformes escolares, camisetas e bermudas para a rede municipal, lote " + i,
                        "MUNICIPIO DE TESTE " + (i % 500),
                        "SC",
                        "Florianópolis",
                        "4205407",
                        "M",
                        BigDecimal.valueOf(1000 + i, 2),
                        "Pregão - Eletrônico",
                        6,
                        "Divulgada no PNCP",
                        "recebendo_proposta",
                        "2026-11-20T08:15:00",
                        "2026-11-21T09:00:00",
                        "2026-12-10T18:00:00",
                        11,
                        "alta",
                        "https://pncp.gov.br/app/editais/00394460005887/2026/" + i,
                        1.0,
                        List.of("uniforme"));
            }

            @Override
            public int size() {
                return rows;
            }
        };
        ReportParameters p = new ReportParameters(
                "Vestuário e Uniformes",
                "Vestuário e Uniformes",
                List.of("SC"),
                LocalDate.now(),
                LocalDate.now(),
                "Todas",
                List.of("6 · Pregão - Eletrônico"),
                null,
                null,
                null,
                "Publicação mais recente",
                List.of(),
                rows,
                0,
                LocalDateTime.now(),
                "PNCP (consulta ao vivo)");
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(m -> m.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = heap.stream().mapToLong(m -> m.getUsage().getUsed()).sum();
        Path file = Files.createTempFile("bench", ".xlsx");
        long start = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            ExcelReportWriter.write(items, p, null, out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(m -> m.getPeakUsage().getUsed()).sum();
        System.out.printf(
                "excel: %d rows in %.2f s, file %d KB, peak heap %d MB (%d MB before)%n",
                rows, seconds, Files.size(file) / 1024, peak / (1024 * 1024), before / (1024 * 1024));
        Files.delete(file);
    }
}
