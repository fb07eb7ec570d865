package br.com.bidiq.search.control;

import br.com.bidiq.filtering.control.SectorCatalog;
import br.com.bidiq.filtering.entity.Sector;
import br.com.bidiq.index.control.DatabaseUrl;
import br.com.bidiq.index.control.IndexDatabase;
import br.com.bidiq.index.control.IndexFeed;
import br.com.bidiq.index.control.IndexSearch;
import br.com.bidiq.pncp.control.PncpClient;
import br.com.bidiq.pncp.control.PncpFetcher;
import br.com.bidiq.pncp.control.PncpRecordParser;
import br.com.bidiq.pncp.control.PncpSettings;
import br.com.bidiq.pncp.control.RequestGate;
import br.com.bidiq.pncp.control.RetryPolicy;
import br.com.bidiq.pncp.entity.FetchUnit;
import br.com.bidiq.pncp.entity.PncpRecord;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchResult;
import br.com.bidiq.storage.control.FilesystemReportStorage;
import br.com.bidiq.testing.LocalCluster;
import br.com.bidiq.testing.SseClient;
import br.com.bidiq.testing.SyntheticPncp;
import br.com.bidiq.testing.TestDatabases;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Searches answered from the local index, at the size of PNCP: fills PostgreSQL (127.0.0.1:5432) and the embedded
 * H2 with {@code 27 UFs x 14 modalities x bench.days x bench.per-day} synthetic notices (default 1,512,000, the
 * real samples' texts under new identities, every day covered), then runs the search pipeline a node runs (source
 * choice, index query, the matcher, summary, Excel) and prints:
 * <ul>
 *   <li>p50/p99 of 50 sector searches (27 UFs, last 30 days, default modality), all 12 sectors in turn;</li>
 *   <li>p50/p99 of "abertas agora" over the whole index, every sector;</li>
 *   <li>the heap a search of about 300,000 candidates needs (27 UFs x 14 modalities x 80 days), sampled every 10 ms,
 *       against the heap retained before it;</li>
 *   <li>the same 4-UF, 5-month search live from a PNCP answering in {@code bench.latency-ms} (100) and from the index.</li>
 * </ul>
 * Then, unless {@code -Dbench.http=false}, the sector searches and "abertas agora" again through a Liberty node on the
 * same database (cluster.sh, the WAR built by {@code mvn package}): POST to the {@code complete} event.
 * Run with {@code MAVEN_OPTS=-Xmx384m mvn -Pbench -Dbench=IndexSearchBenchmark -Dbench.package=br.com.bidiq.search.control test-compile exec:java}; the heap limit is part of the
 * claim (300,000 candidates held at once would not fit in it). {@code -Dbench.vendors=postgresql} runs one database.
 */
public final class IndexSearchBenchmark {

    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    static final List<String> UFS = Arrays.asList(SearchRequest.UFS.split("\\|"));
    static final List<Integer> MODALIDADES = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);

    public static void main(String[] args) throws Exception {
        int perDay = Integer.getInteger("bench.per-day", 10);
        int days = Integer.getInteger("bench.days", 400);
        long latency = Long.getLong("bench.latency-ms", 100);
        System.out.printf(
                "heap limit %d MB, %d notices per database%n",
                Runtime.getRuntime().maxMemory() >> 20, (long) UFS.size() * MODALIDADES.size() * days * perDay);
        for (String vendor :
                System.getProperty("bench.vendors", "postgresql,h2").split(",")) {
            run(vendor.trim(), perDay, days, latency);
        }
        System.exit(0);
    }

    static void run(String vendor, int perDay, int days, long latency) throws Exception {
        Path dir = Files.createTempDirectory("bidiq-bench-index-search");
        // The embedded database where a cluster.sh node 1 looks for it, for the HTTP phase.
        DatabaseUrl url = TestDatabases.empty(vendor, dir.resolve("node1"));
        ExecutorService executor = Executors.newCachedThreadPool();
        Clock clock = Clock.systemUTC();
        LocalDate today = LocalDate.now(BRASILIA);
        try (SyntheticPncp pncp = new SyntheticPncp(perDay);
                IndexDatabase db = new IndexDatabase(url, 8)) {
            IndexFeed feed = new IndexFeed(db, clock);
            long fillStart = System.nanoTime();
            long stored = fill(feed, pncp, perDay, today.minusDays(days - 1), today);
            System.out.printf(
                    "%n[%s] filled %,d notices in %.0f s%n", vendor, stored, (System.nanoTime() - fillStart) / 1e9);

            SearchPipeline pipeline = new SearchPipeline();
            pipeline.fetcher = fetcher(pncp.baseUrl(), executor);
            pipeline.storage = new FilesystemReportStorage(dir.resolve("reports"), Duration.ofHours(1), clock);
            pipeline.index = new IndexSearch(db, Duration.ofHours(2), clock);
            pipeline.feed = feed;
            pipeline.clock = clock;
            List<Sector> sectors = SectorCatalog.standard().all();

            // One search first, so the timings are not of class loading and JIT warm-up.
            run(pipeline, request(sectors.get(0).id(), UFS, List.of(6), today.minusDays(29), today, "auto", false));
            long[] sectorMs = new long[50];
            int kept = 0;
            for (int i = 0; i < sectorMs.length; i++) {
                String sector = sectors.get(i % sectors.size()).id();
                Timed t = timed(() ->
                        run(pipeline, request(sector, UFS, List.of(6), today.minusDays(29), today, "auto", false)));
                sectorMs[i] = t.millis;
                kept += t.result.totalFiltrado();
                check(t.result, "indice");
            }
            print(
                    vendor,
                    "sector search, 27 UFs x 30 days, modality 6 (" + kept / sectorMs.length + " kept on average)",
                    sectorMs);

            long[] openMs = new long[sectors.size()];
            int candidates = 0;
            for (int i = 0; i < openMs.length; i++) {
                String sector = sectors.get(i).id();
                Timed t = timed(() -> run(pipeline, request(sector, UFS, List.of(6), null, null, "auto", true)));
                openMs[i] = t.millis;
                candidates = t.result.totalRaw();
                check(t.result, "indice");
            }
            print(vendor, "abertas agora, whole index, modality 6 (" + candidates + " candidates)", openMs);

            heap(vendor, pipeline, sectors.get(0).id(), today);

            List<String> four = List.of("SP", "MG", "RJ", "PR");
            pncp.latency(latency);
            Timed live = timed(() -> run(
                    pipeline, request("informatica", four, List.of(6), today.minusDays(149), today, "pncp", false)));
            check(live.result, "pncp");
            pncp.latency(0);
            Timed indexed = timed(() -> run(
                    pipeline, request("informatica", four, List.of(6), today.minusDays(149), today, "auto", false)));
            check(indexed.result, "indice");
            if (!live.result.licitacoes().equals(indexed.result.licitacoes())) {
                throw new IllegalStateException("live and index answers differ");
            }
            System.out.printf(
                    "[%s] 4 UFs x 150 days: live %d ms (%d PNCP requests at %d ms), index %d ms, %.0fx "
                            + "faster, same %d notices%n",
                    vendor,
                    live.millis,
                    live.result.requisicoesPncp(),
                    latency,
                    indexed.millis,
                    (double) live.millis / Math.max(1, indexed.millis),
                    indexed.result.totalFiltrado());
            db.close();
            if (Boolean.parseBoolean(System.getProperty("bench.http", "true"))) {
                http(
                        vendor,
                        vendor.equals("h2")
                                ? Map.of("DATA_DIR", dir.toString())
                                : Map.of("DATABASE_URL", url.jdbcUrl(), "DATABASE_USER", "postgres"),
                        pncp,
                        sectors,
                        today);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The same searches through a Liberty node (server-config/cluster/cluster.sh, the WAR in target/) on the filled
     * database: POST /api/buscar until the {@code complete} event arrives on its SSE stream, Excel included.
     */
    static void http(
            String vendor, Map<String, String> database, SyntheticPncp pncp, List<Sector> sectors, LocalDate today)
            throws Exception {
        Map<String, String> env = new HashMap<>(database);
        env.put("PNCP_BASE_URL", pncp.baseUrl());
        env.put("INDEX_ENABLED", "false");
        try (LocalCluster cluster = new LocalCluster(env).start(1)) {
            String node = cluster.node(1);
            String ufs = UFS.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(","));
            String range = "\"data_inicial\":\"" + today.minusDays(29) + "\",\"data_final\":\"" + today + "\"";
            post(node, "{\"ufs\":[" + ufs + "]," + range + ",\"setor_id\":\"vestuario\"}");
            long[] sectorMs = new long[50];
            for (int i = 0; i < sectorMs.length; i++) {
                sectorMs[i] = post(
                        node,
                        "{\"ufs\":[" + ufs + "]," + range + ",\"setor_id\":\""
                                + sectors.get(i % sectors.size()).id() + "\"}");
            }
            print(vendor, "HTTP: POST to complete event, sector search, 27 UFs x 30 days, modality 6", sectorMs);
            long[] openMs = new long[sectors.size()];
            for (int i = 0; i < openMs.length; i++) {
                openMs[i] = post(
                        node,
                        "{\"ufs\":[" + ufs + "],\"somente_abertas\":true,\"setor_id\":\""
                                + sectors.get(i).id() + "\"}");
            }
            print(vendor, "HTTP: POST to complete event, abertas agora, whole index, modality 6", openMs);
        }
    }

    /** Milliseconds from the POST to the complete event of an index search. */
    static long post(String node, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(
                HttpRequest.newBuilder(URI.create(node + "/api/buscar"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(accepted.statusCode() + " " + accepted.body());
        }
        String events = Json.createReader(new StringReader(accepted.body()))
                .readObject()
                .getString("events_url");
        SseClient.Stream_ stream = SseClient.read(
                URI.create(node).resolve(events),
                null,
                Duration.ofSeconds(60),
                e -> e.data().contains("\"stage\":\"complete\"") || e.data().contains("\"stage\":\"error\""));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String last = stream.events().get(stream.events().size() - 1).data();
        if (!last.contains("\"complete\"") || !last.contains("\"fonte\":\"indice\"")) {
            throw new IllegalStateException("not answered by the index: " + last);
        }
        return millis;
    }

    /** Every UF x modality in chunks of 50 days, each stored as a live search stores what it fetched. */
    static long fill(IndexFeed feed, SyntheticPncp pncp, int perDay, LocalDate first, LocalDate last) throws Exception {
        long stored = 0;
        for (String uf : UFS) {
            for (int modalidade : MODALIDADES) {
                for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(50)) {
                    LocalDate to = from.plusDays(49).isAfter(last) ? last : from.plusDays(49);
                    List<PncpRecord> records = new ArrayList<>();
                    List<String> raw = new ArrayList<>();
                    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                        for (int i = 0; i < perDay; i++) {
                            JsonObject notice = pncp.notice(uf, modalidade, day, i);
                            records.add(PncpRecordParser.parseRecord(notice));
                            raw.add(notice.toString());
                        }
                    }
                    feed.store(records, raw, List.of(new FetchUnit(uf, modalidade, from, to)));
                    stored += records.size();
                }
            }
        }
        return stored;
    }

    /** The heap one search of about 300,000 candidates takes while it streams them through the matcher. */
    static void heap(String vendor, SearchPipeline pipeline, String sector, LocalDate today) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicLong live = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        // Used heap includes garbage the collector has not reclaimed yet; a full GC every 250 ms shows what the
        // search really holds (its live set), which is what must not grow with the candidates.
        Thread sampler = new Thread(() -> {
            for (int tick = 1; running.get(); tick++) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                if (tick % 25 == 0) {
                    System.gc();
                    live.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        Timed t = timed(
                () -> run(pipeline, request(sector, UFS, MODALIDADES, today.minusDays(79), today, "auto", false)));
        running.set(false);
        sampler.join();
        check(t.result, "indice");
        // What stays once the search is over: caches (an embedded database's pages live in this heap), not the search.
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(
                "[%s] %,d candidates (27 UFs x 14 modalities x 80 days) in %d ms, %d kept: heap before "
                        + "%d MB; during the search live set at most %d MB (+%d MB), used heap at most %d MB (+%d MB, "
                        + "garbage included); after it %d MB%n",
                vendor,
                t.result.totalRaw(),
                t.millis,
                t.result.totalFiltrado(),
                before >> 20,
                live.get() >> 20,
                (live.get() - before) >> 20,
                peak.get() >> 20,
                (peak.get() - before) >> 20,
                after >> 20);
    }

    static SearchRequest request(
            String sector,
            List<String> ufs,
            List<Integer> modalidades,
            LocalDate from,
            LocalDate to,
            String fonte,
            boolean abertas) {
        return new SearchRequest(
                null,
                ufs,
                from == null ? null : from.toString(),
                to == null ? null : to.toString(),
                sector,
                null,
                null,
                null,
                abertas ? "recebendo_proposta" : null,
                modalidades,
                null,
                null,
                null,
                null,
                null,
                null,
                fonte,
                abertas ? Boolean.TRUE : null);
    }

    static SearchResult run(SearchPipeline pipeline, SearchRequest request) {
        try {
            return pipeline.run(UUID.randomUUID().toString(), request, e -> {});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Timed(long millis, SearchResult result) {}

    static Timed timed(Supplier<SearchResult> search) {
        long start = System.nanoTime();
        SearchResult r = search.get();
        return new Timed((System.nanoTime() - start) / 1_000_000, r);
    }

    static void check(SearchResult r, String fonte) {
        if (!fonte.equals(r.fonte())) {
            throw new IllegalStateException(
                    "answered by " + r.fonte() + ", expected " + fonte + ": " + r.fonteMotivo());
        }
    }

    static void print(String vendor, String what, long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "[%s] %s: p50 %d ms, p99 %d ms, max %d ms over %d searches%n",
                vendor,
                what,
                sorted[(int) Math.ceil(sorted.length * 0.50) - 1],
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1],
                sorted[sorted.length - 1],
                sorted.length);
    }

    static PncpFetcher fetcher(String baseUrl, ExecutorService executor) {
        PncpSettings settings = PncpSettings.defaults(baseUrl);
        PncpClient client = new PncpClient(
                PncpClient.newHttpClient(settings, executor),
                settings,
                new RetryPolicy(
                        settings.initialBackoff(), settings.maxBackoff(), settings.maxRetryAfter(), Clock.systemUTC()),
                executor);
        return new PncpFetcher(client, new RequestGate(30, executor), executor);
    }

    private IndexSearchBenchmark() {}
}
