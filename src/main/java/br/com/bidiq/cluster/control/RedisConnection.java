package br.com.bidiq.cluster.control;

import br.com.bidiq.platform.RequestIds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

/**
 * The node's one Redisson client, when REDIS_URL is set. Connecting never fails the deployment: an unreachable
 * Redis gives one warning, in-memory mode, and a retry in the background. While the node runs, command failures
 * mark Redis unavailable for a few seconds (callers then work locally) and a probe brings it back.
 */
@ApplicationScoped
public class RedisConnection {

    private static final Logger LOG = RequestIds.logger(RedisConnection.class);

    @Inject
    @ConfigProperty(name = "redis.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "bidiq.node")
    Optional<String> nodeName;

    @Inject
    @ConfigProperty(name = "redis.timeout-ms")
    int timeoutMs;

    @Inject
    @ConfigProperty(name = "redis.probe-period")
    java.time.Duration probePeriod;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    java.util.concurrent.ScheduledExecutorService scheduler;

    private final List<Consumer<RedissonClient>> onConnect = new CopyOnWriteArrayList<>();
    private final List<Consumer<RedissonClient>> onAvailable = new CopyOnWriteArrayList<>();
    private volatile RedissonClient client;
    private java.util.concurrent.ExecutorService listeners;
    private volatile boolean available;
    private volatile RedisUrl target;
    private String node;
    private ScheduledFuture<?> probe;
    /** A node that never reached Redis tries to connect on every fifth probe (a connect attempt is costlier). */
    private static final int RECONNECT_EVERY = 5;

    private int attempts;

    /** A connection outside a container (tools, tests): same behaviour, given the probe's scheduler. */
    public static RedisConnection create(
            String url,
            String node,
            int timeoutMs,
            java.time.Duration probePeriod,
            java.util.concurrent.ScheduledExecutorService scheduler) {
        RedisConnection c = new RedisConnection();
        c.url = Optional.ofNullable(url);
        c.nodeName = Optional.ofNullable(node);
        c.timeoutMs = timeoutMs;
        c.probePeriod = probePeriod;
        c.scheduler = scheduler;
        c.start();
        return c;
    }

    @PostConstruct
    void start() {
        node = nodeName.filter(s -> !s.isBlank()).orElseGet(RedisConnection::defaultNodeName);
        Optional<String> configured = url.filter(s -> !s.isBlank());
        if (configured.isEmpty()) {
            LOG.info("REDIS_URL not set [mode: in-memory]: progress and search state stay on this node " + node);
            return;
        }
        try {
            target = RedisUrl.parse(configured.get());
        } catch (RuntimeException e) {
            LOG.warning("REDIS_URL is invalid (" + e.getMessage() + ") [mode: in-memory]");
            return;
        }
        if (!connect()) {
            LOG.warning("REDIS_URL is set but Redis at " + target.masked() + " is unreachable [mode: in-memory];"
                    + " retrying every "
                    + probePeriod.multipliedBy(RECONNECT_EVERY).toMillis() + " ms");
        }
        long period = probePeriod.toMillis();
        probe = scheduler.scheduleWithFixedDelay(this::probe, period, period, TimeUnit.MILLISECONDS);
    }

    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    private synchronized boolean connect() {
        if (client != null) {
            return true;
        }
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        // Topic listeners (progress fan-out, cancels) run on a pool of their own: they never block (SSE writes are
        // asynchronous), and a hand-off through the container's shared pool cost the cross-node hop its tail.
        if (listeners == null) {
            listeners = Executors.newFixedThreadPool(
                    Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("bidiq-redis-listener"));
        }
        config.setExecutor(listeners);
        config.setNettyThreads(4);
        config.setUseScriptCache(true);
        SingleServerConfig server = config.useSingleServer()
                .setAddress(target.address())
                .setDatabase(target.database())
                .setConnectTimeout(Math.max(1000, timeoutMs))
                .setTimeout(timeoutMs)
                .setRetryAttempts(1)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(16)
                .setSubscriptionConnectionMinimumIdleSize(1)
                .setClientName("bidiq-" + node);
        if (target.password() != null) {
            config.setPassword(target.password());
        }
        if (target.username() != null) {
            config.setUsername(target.username());
        }
        try {
            RedissonClient created = Redisson.create(config);
            created.getBucket("bidiq:ping").isExists();
            client = created;
            available = true;
            LOG.info("Connected to " + target.masked() + " [mode: Redis] as node " + node);
            onConnect.forEach(c -> c.accept(created));
            available(created);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Redis connect failed", e);
            return false;
        }
    }

    private void probe() {
        if (client == null) {
            if (++attempts % RECONNECT_EVERY == 0) {
                connect();
            }
            return;
        }
        try {
            client.getBucket("bidiq:ping").isExists();
            if (!available) {
                available = true;
                LOG.info("Redis at " + target.masked() + " is back [mode: Redis]");
                available(client);
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void available(RedissonClient c) {
        for (Consumer<RedissonClient> action : onAvailable) {
            try {
                action.accept(c);
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
        }
    }

    /** Called by users of the client when a command fails: work locally until the probe succeeds again. */
    public void failed(Throwable e) {
        if (available) {
            available = false;
            LOG.warning(
                    "Redis at " + target.masked() + " failed (" + e.getClass().getSimpleName()
                            + "): continuing [mode: in-memory] on this node until it answers again");
        }
    }

    /** Runs now if connected, and on every later (re)connection of the client. */
    public void whenConnected(Consumer<RedissonClient> action) {
        onConnect.add(action);
        RedissonClient c = client;
        if (c != null) {
            action.accept(c);
        }
    }

    /**
     * Runs whenever Redis becomes usable: on connecting and each time it answers again after a failure. This is the
     * one resynchronisation point: each component writes again what it holds that Redis may have missed.
     */
    public void whenAvailable(Consumer<RedissonClient> action) {
        onAvailable.add(action);
    }

    public boolean configured() {
        return target != null;
    }

    public Optional<RedissonClient> client() {
        return available ? Optional.ofNullable(client) : Optional.empty();
    }

    public String node() {
        return node;
    }

    public String mode() {
        return available && client != null ? "redis" : "in-memory";
    }

    @PreDestroy
    public void stop() {
        if (probe != null) {
            probe.cancel(false);
        }
        RedissonClient c = client;
        if (c != null) {
            c.shutdown();
        }
        if (listeners != null) {
            listeners.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
