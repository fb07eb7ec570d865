package br.com.bidiq.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long progress logs live and how far a subscriber may lag; defaults in microprofile-config.properties. */
@ApplicationScoped
public class ProgressSettings {

    @Inject
    @ConfigProperty(name = "search.result-ttl-minutes")
    long resultTtlMinutes;

    @Inject
    @ConfigProperty(name = "progress.max-lag-events")
    int maxLagEvents;

    protected ProgressSettings() {
        // for CDI
    }

    public ProgressSettings(Duration retention, int maxLagEvents) {
        this.resultTtlMinutes = retention.toMinutes();
        this.maxLagEvents = maxLagEvents;
    }

    /** A log lives as long as the result it belongs to: this long after its last event. */
    public Duration retention() {
        return Duration.ofMinutes(resultTtlMinutes);
    }

    /** Live events a subscriber may be behind before it is dropped (it resumes with Last-Event-ID). */
    public int maxLagEvents() {
        return maxLagEvents;
    }
}
