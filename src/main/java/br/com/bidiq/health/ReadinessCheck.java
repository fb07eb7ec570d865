package br.com.bidiq.health;

import br.com.bidiq.index.control.IndexDatabase;
import br.com.bidiq.index.control.IndexStatistics;
import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.storage.control.ReportStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the application is deployed: the progress bus and the report storage always have a working mode (a
 * lost Redis falls back to this node, a failing store to the inline report), so they never make the node unready.
 * The check says which modes this node uses, whether the local index answers and how far behind it is; the index
 * being down does not make the node unready either, since live searches still work without it.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    ProgressBus bus;

    @Inject
    ReportStorage storage;

    @Inject
    IndexDatabase index;

    @Inject
    IndexStatistics statistics;

    @Override
    public HealthCheckResponse call() {
        IndexStatistics.Health indexHealth = statistics.health();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("bidiq")
                .withData("progress_bus", bus.mode())
                .withData("storage", storage.mode())
                .withData("index", indexHealth.up() ? "up" : "down")
                .withData("index_database", index.vendor().wire());
        if (indexHealth.lagMinutes() != null) {
            response.withData("index_lag_minutes", indexHealth.lagMinutes());
        }
        return response.up().build();
    }
}
