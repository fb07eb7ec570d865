package br.com.bidiq.cluster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cluster's timing: how long a node's claim on a running search lasts without renewal, and how often nodes
 * renew claims, look for searches whose node died and catch up remote subscribers. ISO-8601 durations
 * ({@code CLUSTER_LEASE=PT10S}); defaults in microprofile-config.properties.
 */
@ApplicationScoped
public class ClusterSettings {

    @Inject
    @ConfigProperty(name = "cluster.lease")
    Duration lease;

    @Inject
    @ConfigProperty(name = "cluster.maintenance-period")
    Duration maintenancePeriod;

    protected ClusterSettings() {
        // for CDI
    }

    public ClusterSettings(Duration lease, Duration maintenancePeriod) {
        this.lease = lease;
        this.maintenancePeriod = maintenancePeriod;
    }

    public Duration lease() {
        return lease;
    }

    public Duration maintenancePeriod() {
        return maintenancePeriod;
    }
}
