package br.com.bidiq.health;

import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.storage.control.ReportStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the progress bus and report storage are in place; says which ones this node uses. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    ProgressBus bus;

    @Inject
    ReportStorage storage;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("bidiq")
                .withData("progress_bus", bus.mode())
                .withData("storage", storage.mode())
                .up()
                .build();
    }
}
