package br.com.bidiq.progress.control;

import br.com.bidiq.platform.RequestIds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Picks the progress bus at start. Without Redis (a later adapter) it is the in-JVM bus. */
@ApplicationScoped
public class ProgressBusProducer {

    private static final Logger LOG = RequestIds.logger(ProgressBusProducer.class);

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "search.result-ttl-minutes", defaultValue = "60")
    long resultTtlMinutes;

    private LocalProgressBus local;
    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        local = new LocalProgressBus(executor, Duration.ofMinutes(resultTtlMinutes), Clock.systemUTC());
        sweep = scheduler.scheduleAtFixedRate(local::expire, 1, 1, TimeUnit.MINUTES);
        LOG.info("Progress bus ready [mode: " + local.mode() + "] (REDIS_URL not set: single-node progress)");
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    @Produces
    @ApplicationScoped
    ProgressBus bus() {
        return local;
    }
}
