package br.com.bidiq.index.control;

import br.com.bidiq.platform.RequestIds;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Every node ticks; the database lease lets one of them run. A tick starts a run when the interval has passed since
 * the last one ended, and continues a run whose node stopped or died as soon as its lease lapses, so another node
 * takes over within about two lease periods. With INDEX_ENABLED=false a node never ingests on its own.
 */
@ApplicationScoped
public class IndexScheduler {

    private static final Logger LOG = RequestIds.logger(IndexScheduler.class);
    private static final long FIRST_TICK_SECONDS = 5;

    @Inject
    Ingestion ingestion;

    @Inject
    IndexSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> ticks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!settings.enabled()) {
            LOG.info("Index schedule off (INDEX_ENABLED=false)");
            return;
        }
        long period = Math.max(
                1000, Math.min(settings.interval().toMillis(), settings.lease().toMillis() / 2));
        ticks = scheduler.scheduleWithFixedDelay(this::tick, FIRST_TICK_SECONDS * 1000, period, TimeUnit.MILLISECONDS);
        LOG.info("Index schedule on: every " + settings.interval().toSeconds() + " s, " + settings.historyDays()
                + " days of history, " + settings.ufs().size() + " UFs, modalities " + settings.modalidades());
    }

    private void tick() {
        try {
            ingestion.startIfDue();
        } catch (SQLException e) {
            LOG.fine(() -> "index tick skipped, database unavailable: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warning("index tick failed: " + e);
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        ingestion.stop();
    }
}
