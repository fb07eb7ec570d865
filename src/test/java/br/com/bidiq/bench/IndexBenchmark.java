package br.com.bidiq.bench;

import static org.awaitility.Awaitility.await;

import br.com.bidiq.index.control.DatabaseUrl;
import br.com.bidiq.index.control.IndexDatabase;
import br.com.bidiq.index.control.IndexSettings;
import br.com.bidiq.index.control.Ingestion;
import br.com.bidiq.pncp.control.PncpClient;
import br.com.bidiq.pncp.control.PncpSettings;
import br.com.bidiq.pncp.control.RequestGate;
import br.com.bidiq.pncp.control.RetryPolicy;
import br.com.bidiq.progress.control.LocalProgressBus;
import br.com.bidiq.testing.SyntheticPncp;
import br.com.bidiq.testing.TestDatabases;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ingestion throughput and heap: a backfill of about 200,000 synthetic notices from a zero-latency fake PNCP into
 * PostgreSQL (127.0.0.1:5432) and into the embedded H2. Prints records/s, the heap retained after GC before and
 * during the run, and the peak used heap. Run with
 * {@code MAVEN_OPTS=-Xmx512m mvn -Pbench -Dbench=IndexBenchmark test-compile exec:java}.
 */
public final class IndexBenchmark {

    public static void main(String[] args) throws Exception {
        int perDay = Integer.parseInt(System.getProperty("bench.per-day", "41"));
        int days = Integer.parseInt(System.getProperty("bench.days", "30"));
        for (String vendor : List.of("postgresql", "h2")) {
            run(vendor, perDay, days);
        }
        System.exit(0);
    }

    static void run(String vendor, int perDay, int days) throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        Path dir = Files.createTempDirectory("bidiq-bench-index");
        DatabaseUrl url = TestDatabases.empty(vendor, dir);
        try (SyntheticPncp pncp = new SyntheticPncp(perDay);
                IndexDatabase db = new IndexDatabase(url, 8)) {
            db.connection().close(); // migrate before the clock starts
            PncpSettings settings = PncpSettings.defaults(pncp.baseUrl());
            PncpClient client = new PncpClient(
                    PncpClient.newHttpClient(settings, executor),
                    settings,
                    new RetryPolicy(
                            settings.initialBackoff(),
                            settings.maxBackoff(),
                            settings.maxRetryAfter(),
                            Clock.systemUTC()),
                    executor);
            IndexSettings index = new IndexSettings(
                    true,
                    Duration.ofMinutes(30),
                    days,
                    IndexSettings.ALL_UFS,
                    IndexSettings.DEFAULT_MODALIDADES,
                    10,
                    1,
                    4,
                    Duration.ofSeconds(60),
                    500);
            Ingestion ingestion = new Ingestion(
                    db,
                    index,
                    client,
                    new RequestGate(30, executor),
                    new LocalProgressBus(
                            executor,
                            new br.com.bidiq.progress.control.ProgressSettings(Duration.ofMinutes(5), 100_000),
                            Clock.systemUTC()),
                    executor,
                    scheduler,
                    Clock.systemUTC(),
                    "bench");
            System.gc();
            long baseline = retainedAfterGc();
            HeapSampler sampler = new HeapSampler();
            ScheduledFuture<?> sampling = scheduler.scheduleAtFixedRate(sampler, 0, 100, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            ingestion.start("bench").orElseThrow();
            await().atMost(Duration.ofMinutes(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !ingestion.running());
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            sampling.cancel(false);
            long rows;
            try (Connection c = db.connection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM notices")) {
                rs.next();
                rows = rs.getLong(1);
            }
            System.out.printf(
                    "index ingestion [%s]: %d notices in %.1f s = %.0f records/s; heap retained after GC "
                            + "%d MB before, max %d MB during (growth %d MB); peak used %d MB; max heap %d MB%n",
                    vendor,
                    rows,
                    wallMs / 1000.0,
                    rows * 1000.0 / wallMs,
                    mb(baseline),
                    mb(sampler.maxRetained),
                    mb(sampler.maxRetained - baseline),
                    mb(sampler.maxUsed),
                    mb(Runtime.getRuntime().maxMemory()));
        } finally {
            executor.shutdownNow();
            scheduler.shutdownNow();
        }
    }

    /** Old-generation occupancy right after the last collection: what the heap really keeps. */
    static long retainedAfterGc() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP
                    && pool.getCollectionUsage() != null
                    && pool.getName().matches(".*(Old|Tenured).*")) {
                sum += pool.getCollectionUsage().getUsed();
            }
        }
        return sum;
    }

    static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Samples the heap: the largest retained-after-GC and used figures seen. */
    private static final class HeapSampler implements Runnable {
        private long gcs = -1;
        volatile long maxRetained;
        volatile long maxUsed;

        @Override
        public void run() {
            long count = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                    .sum();
            if (count != gcs) {
                gcs = count;
                maxRetained = Math.max(maxRetained, retainedAfterGc());
            }
            Runtime rt = Runtime.getRuntime();
            maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
        }
    }
}
