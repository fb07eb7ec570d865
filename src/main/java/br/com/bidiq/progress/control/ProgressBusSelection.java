package br.com.bidiq.progress.control;

import br.com.bidiq.platform.DeploymentConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;

/**
 * Enables one of the two {@link ProgressBus} alternatives when the application is deployed: the Redis bus when
 * REDIS_URL is set, the in-JVM bus otherwise. Whether Redis is reachable is the Redis bus's business at run time
 * (it falls back to this node and recovers), so a wrong or unreachable REDIS_URL never fails the deployment.
 */
public class ProgressBusSelection implements Extension {

    private static final Logger LOG = br.com.bidiq.platform.RequestIds.logger(ProgressBusSelection.class);

    void enable(@Observes AfterTypeDiscovery event) {
        Class<?> chosen =
                DeploymentConfig.value("redis.url").isPresent() ? RedisProgressBus.class : LocalProgressBus.class;
        event.getAlternatives().add(chosen);
        LOG.info(() -> "Progress bus alternative enabled: " + chosen.getSimpleName());
    }
}
