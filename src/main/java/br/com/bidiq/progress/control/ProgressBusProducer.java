package br.com.bidiq.progress.control;

import br.com.bidiq.cluster.control.RedisConnection;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Picks the progress bus at start: the Redis bus when REDIS_URL is set (it works on its own node while Redis is
 * unreachable and joins the cluster when Redis answers), the in-JVM bus otherwise. A producer rather than enabled
 * CDI alternatives, because the choice depends on configuration read at run time, not on the deployment.
 */
@ApplicationScoped
public class ProgressBusProducer {

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "search.result-ttl-minutes", defaultValue = "60")
    long resultTtlMinutes;

    private ProgressBus bus;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    @PostConstruct
    void start() {
        Duration ttl = Duration.ofMinutes(resultTtlMinutes);
        LocalProgressBus local = new LocalProgressBus(executor, ttl, Clock.systemUTC());
        tasks.add(scheduler.scheduleAtFixedRate(local::expire, 1, 1, TimeUnit.MINUTES));
        if (redis.configured()) {
            RedisProgressBus cluster = new RedisProgressBus(local, redis, executor, ttl, Clock.systemUTC());
            tasks.add(scheduler.scheduleWithFixedDelay(cluster::maintain, 2, 2, TimeUnit.SECONDS));
            bus = cluster;
        } else {
            bus = local;
        }
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
    }

    @Produces
    @ApplicationScoped
    ProgressBus bus() {
        return bus;
    }
}
