package br.com.bidiq.index.control;

import br.com.bidiq.cluster.control.RedisConnection;
import br.com.bidiq.pncp.control.PncpClient;
import br.com.bidiq.pncp.control.RequestGate;
import br.com.bidiq.progress.control.ProgressBus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the index's database, settings and ingestion from MicroProfile Config. */
@ApplicationScoped
public class IndexProducer {

    private static final java.util.logging.Logger LOG = br.com.bidiq.platform.RequestIds.logger(IndexProducer.class);

    @Inject
    @ConfigProperty(name = "database.url")
    Optional<String> databaseUrl;

    @Inject
    @ConfigProperty(name = "database.user")
    Optional<String> databaseUser;

    @Inject
    @ConfigProperty(name = "database.password")
    Optional<String> databasePassword;

    @Inject
    @ConfigProperty(name = "data.dir")
    Optional<String> dataDir;

    @Inject
    @ConfigProperty(name = "index.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "index.interval-minutes")
    double intervalMinutes;

    @Inject
    @ConfigProperty(name = "index.history-days")
    int historyDays;

    @Inject
    @ConfigProperty(name = "index.ufs")
    String ufs;

    @Inject
    @ConfigProperty(name = "index.modalidades")
    String modalidades;

    @Inject
    @ConfigProperty(name = "index.window-days")
    int windowDays;

    @Inject
    @ConfigProperty(name = "index.overlap-days")
    int overlapDays;

    @Inject
    @ConfigProperty(name = "index.concurrency")
    int concurrency;

    @Inject
    @ConfigProperty(name = "index.lease-seconds")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "pncp.max-pages")
    int maxPages;

    @Inject
    @ConfigProperty(name = "index.max-age-minutes")
    double maxAgeMinutes;

    @Inject
    PncpClient client;

    @Inject
    RequestGate nodeGate;

    @Inject
    ProgressBus bus;

    @Inject
    RedisConnection redis;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Produces
    @Singleton
    IndexSettings settings() {
        List<String> ufList = "all".equalsIgnoreCase(ufs.strip())
                ? IndexSettings.ALL_UFS
                : Arrays.stream(ufs.split(","))
                        .map(s -> s.strip().toUpperCase(java.util.Locale.ROOT))
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        List<Integer> modList = Arrays.stream(modalidades.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Integer::valueOf)
                .distinct()
                .toList();
        return new IndexSettings(
                enabled,
                Duration.ofMillis(Math.round(intervalMinutes * 60_000)),
                historyDays,
                ufList,
                modList,
                windowDays,
                overlapDays,
                concurrency,
                Duration.ofSeconds(leaseSeconds),
                maxPages);
    }

    @Produces
    @Singleton
    IndexDatabase database() {
        Path dir =
                Path.of(dataDir.filter(s -> !s.isBlank()).orElse(System.getProperty("java.io.tmpdir") + "/bidiq-data"));
        DatabaseUrl url =
                DatabaseUrl.of(databaseUrl.orElse(null), databaseUser.orElse(null), databasePassword.orElse(null), dir);
        return new IndexDatabase(url, Math.max(4, concurrency + 4));
    }

    /**
     * Static, so closing needs no instance of this bean: at undeploy the application context may already be gone, and
     * a disposer Weld cannot call leaves the H2 file locked for the next deployment of the application.
     */
    static void close(@Disposes IndexDatabase db) {
        try {
            db.close();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(java.util.logging.Level.WARNING, "Index database did not close cleanly", e);
        }
    }

    @Produces
    @Singleton
    Ingestion ingestion(IndexDatabase db, IndexSettings settings) {
        return new Ingestion(db, settings, client, nodeGate, bus, executor, scheduler, Clock.systemUTC(), redis.node());
    }

    @Produces
    @Singleton
    IndexSearch search(IndexDatabase db) {
        return new IndexSearch(db, Duration.ofMillis(Math.round(maxAgeMinutes * 60_000)), Clock.systemUTC());
    }

    @Produces
    @Singleton
    IndexFeed feed(IndexDatabase db) {
        return new IndexFeed(db, Clock.systemUTC());
    }

    @Produces
    @Singleton
    IndexStatistics statistics(IndexDatabase db, IndexSettings settings) {
        return new IndexStatistics(db, settings, Clock.systemUTC());
    }
}
