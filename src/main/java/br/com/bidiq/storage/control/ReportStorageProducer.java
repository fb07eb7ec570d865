package br.com.bidiq.storage.control;

import br.com.bidiq.platform.RequestIds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Picks where reports go, once at start, and runs the retention cleanup. */
@ApplicationScoped
public class ReportStorageProducer {

    private static final Logger LOG = RequestIds.logger(ReportStorageProducer.class);

    @Inject
    @ConfigProperty(name = "reports.dir")
    Optional<String> reportsDir;

    @Inject
    @ConfigProperty(name = "reports.retention-hours", defaultValue = "24")
    long retentionHours;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ReportStorage storage;
    private ScheduledFuture<?> cleanup;

    @PostConstruct
    void start() {
        Path dir = reportsDir.filter(s -> !s.isBlank()).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "bidiq-reports"));
        try {
            storage = new FilesystemReportStorage(dir, Duration.ofHours(retentionHours), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("REPORTS_DIR não pode ser criado: " + dir, e);
        }
        cleanup = scheduler.scheduleAtFixedRate(storage::deleteExpired, 1, 10, TimeUnit.MINUTES);
        LOG.info("Report storage ready [storage: " + storage.mode() + "] dir=" + dir.toAbsolutePath()
                + " retention=" + retentionHours + "h");
    }

    @PreDestroy
    void stop() {
        if (cleanup != null) {
            cleanup.cancel(false);
        }
    }

    @Produces
    @ApplicationScoped
    ReportStorage storage() {
        return storage;
    }
}
