package br.com.bidiq.platform;

import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.storage.control.ReportStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the bus and the storage when the application starts, and says so once in the log. */
@ApplicationScoped
public class StartupReport {

    private static final Logger LOG = RequestIds.logger(StartupReport.class);

    @Inject
    ProgressBus bus;

    @Inject
    ReportStorage storage;

    @Inject
    @ConfigProperty(name = "pncp.base-url", defaultValue = "https://pncp.gov.br/api/consulta")
    String pncp;

    void started(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String mode = "redis".equals(bus.mode()) ? "Redis" : "in-memory";
        LOG.info("BidIQ started [mode: " + mode + "] [storage: " + storage.mode() + "] PNCP=" + pncp);
    }
}
