package br.com.bidiq.progress.control;

import br.com.bidiq.cluster.control.RedisConnection;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.entity.ProgressEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;

/**
 * The cluster progress bus. The node running a search keeps its log locally (its own subscribers never depend on
 * Redis) and mirrors every event, in order and exactly once, to a Redis list that lives as long as the result,
 * publishing each on {@code bidiq:progress:{id}:events}. Every node listens once to
 * {@code bidiq:progress:*:events} and feeds its remote subscribers, which replay the list from their position and
 * fill any gap from it. Events published while Redis is away are mirrored when it is back. The running node keeps a
 * short lease in Redis so that other nodes can end a search whose node died.
 *
 * <p>A CDI alternative: {@link ProgressBusSelection} enables it when REDIS_URL is set. While Redis is unreachable
 * (at start or later) it works as the in-JVM bus for this node, and joins the cluster when Redis answers.
 */
@ApplicationScoped
@Alternative
public class RedisProgressBus implements ProgressBus {

    public static final String MODE = "redis";
    static final String PREFIX = "bidiq:progress:";
    static final String RUNNING = PREFIX + "running";
    static final String PATTERN = PREFIX + "*:events";
    static final Duration META_TTL = Duration.ofMinutes(5);
    static final Duration LEASE = Duration.ofSeconds(10);
    private static final Logger LOG = RequestIds.logger(RedisProgressBus.class);

    /** Appends event N only when the list holds N-1 events, then publishes it: idempotent, gap-free, ordered. */
    static final String APPEND = """
            local len = redis.call('LLEN', KEYS[1])
            local id = tonumber(ARGV[1])
            if len == id - 1 then
              redis.call('RPUSH', KEYS[1], ARGV[2])
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
              redis.call('PUBLISH', ARGV[4], ARGV[2])
              return 1
            elseif len >= id then
              return 0
            end
            return -1 - len
            """;

    private LocalProgressBus local;
    private Executor executor;
    private Duration logTtl;
    private Clock clock;

    @Inject
    RedisConnection redis;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService managedExecutor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "search.result-ttl-minutes", defaultValue = "60")
    long resultTtlMinutes;

    private final List<ScheduledFuture<?>> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Long> mirrored = new ConcurrentHashMap<>();
    private final Map<String, Integer> owned = new ConcurrentHashMap<>();
    private final Map<String, Set<RemoteSubscription>> remote = new ConcurrentHashMap<>();

    protected RedisProgressBus() {
        // for CDI
    }

    public RedisProgressBus(LocalProgressBus local, RedisConnection redis, Executor executor, Duration logTtl,
                            Clock clock) {
        this.local = local;
        this.redis = redis;
        this.executor = executor;
        this.logTtl = logTtl;
        this.clock = clock;
        redis.whenConnected(this::listen);
    }

    @PostConstruct
    void start() {
        executor = managedExecutor;
        logTtl = Duration.ofMinutes(resultTtlMinutes);
        clock = Clock.systemUTC();
        local = new LocalProgressBus(managedExecutor, logTtl, clock);
        tasks.add(scheduler.scheduleAtFixedRate(local::expire, 1, 1, TimeUnit.MINUTES));
        tasks.add(scheduler.scheduleWithFixedDelay(this::maintain, 2, 2, TimeUnit.SECONDS));
        redis.whenConnected(this::listen);
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
    }

    static String logKey(String searchId) {
        return PREFIX + searchId + ":log";
    }

    static String channel(String searchId) {
        return PREFIX + searchId + ":events";
    }

    static String metaKey(String searchId) {
        return PREFIX + searchId;
    }

    static String leaseKey(String searchId) {
        return PREFIX + searchId + ":lease";
    }

    private void listen(RedissonClient client) {
        client.getPatternTopic(PATTERN).addListener(String.class, (pattern, channel, message) -> {
            String name = channel.toString();
            String searchId = name.substring(PREFIX.length(), name.length() - ":events".length());
            Set<RemoteSubscription> subs = remote.get(searchId);
            if (subs != null && !subs.isEmpty()) {
                ProgressEvent e = ProgressEventJson.read(message);
                subs.forEach(s -> s.offer(e));
            }
        });
        LOG.info("Listening to " + PATTERN);
    }

    @Override
    public void open(String searchId, int ufCount) {
        local.open(searchId, ufCount);
        owned.put(searchId, ufCount);
        redis.client().ifPresent(c -> {
            try {
                var meta = c.<String, String>getMap(metaKey(searchId));
                meta.putAll(Map.of("owner", redis.node(), "uf_count", String.valueOf(ufCount),
                        "created", clock.instant().toString(), "state", "running"));
                meta.expire(META_TTL);
                c.getBucket(leaseKey(searchId)).set(redis.node(), LEASE);
                c.getSet(RUNNING).add(searchId);
            } catch (RuntimeException e) {
                redis.failed(e);
            }
        });
    }

    @Override
    public ProgressEvent publish(String searchId, ProgressEvent event) {
        ProgressEvent numbered = local.publish(searchId, event);
        mirror(searchId);
        return numbered;
    }

    /** Copies the events Redis does not have yet; ends the search's Redis presence after its terminal event. */
    void mirror(String searchId) {
        Optional<RedissonClient> client = redis.client();
        if (client.isEmpty()) {
            return;
        }
        RedissonClient c = client.get();
        synchronized (lock(searchId)) {
            try {
                long done = mirrored.getOrDefault(searchId, 0L);
                List<ProgressEvent> pending = local.history(searchId, done);
                int i = 0;
                while (i < pending.size()) {
                    long r = append(c, searchId, pending.get(i));
                    if (r < 0) {
                        // Redis lost the list (a restart without persistence): write it again from where it stops.
                        pending = local.history(searchId, -1 - r);
                        i = 0;
                        continue;
                    }
                    done = pending.get(i++).id();
                }
                mirrored.put(searchId, done);
                long mirroredUpTo = done;
                local.last(searchId).filter(e -> e.terminal() && e.id() == mirroredUpTo)
                        .ifPresent(terminal -> finish(c, searchId, terminal));
            } catch (RuntimeException e) {
                redis.failed(e);
            }
        }
    }

    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private Object lock(String searchId) {
        return locks.computeIfAbsent(searchId, k -> new Object());
    }

    private long append(RedissonClient c, String searchId, ProgressEvent e) {
        Long r = c.getScript().eval(RScript.Mode.READ_WRITE, APPEND, RScript.ReturnType.LONG,
                List.of(logKey(searchId)), String.valueOf(e.id()), ProgressEventJson.write(e),
                String.valueOf(logTtl.toMillis()), channel(searchId));
        return r == null ? 0 : r;
    }

    private void finish(RedissonClient c, String searchId, ProgressEvent terminal) {
        if (owned.remove(searchId) == null) {
            return;
        }
        var meta = c.<String, String>getMap(metaKey(searchId));
        meta.fastPut("state", terminal.stage());
        meta.expire(META_TTL);
        c.getBucket(leaseKey(searchId)).delete();
        c.getSet(RUNNING).remove(searchId);
        locks.remove(searchId);
        mirrored.remove(searchId);
    }

    /** Every few seconds: keep leases of running searches alive, mirror what an outage held back, catch up. */
    public void maintain() {
        Optional<RedissonClient> client = redis.client();
        if (client.isEmpty()) {
            return;
        }
        for (String searchId : List.copyOf(owned.keySet())) {
            try {
                client.get().getBucket(leaseKey(searchId)).set(redis.node(), LEASE);
                var meta = client.get().<String, String>getMap(metaKey(searchId));
                if (!meta.isExists()) {
                    meta.putAll(Map.of("owner", redis.node(), "uf_count", String.valueOf(owned.get(searchId)),
                            "created", clock.instant().toString(), "state", "running"));
                    client.get().getSet(RUNNING).add(searchId);
                }
                meta.expire(META_TTL);
            } catch (RuntimeException e) {
                redis.failed(e);
                return;
            }
            mirror(searchId);
        }
        catchUp(client.get());
        reapOrphans();
    }

    private final Set<String> suspects = ConcurrentHashMap.newKeySet();
    private final List<java.util.function.BiConsumer<String, String>> lostHandlers =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void whenNodeLost(java.util.function.BiConsumer<String, String> handler) {
        lostHandlers.add(handler);
    }

    /** A lease missing on two checks in a row means the search's node is gone: end the search for everyone. */
    private void reapOrphans() {
        Set<String> running;
        try {
            running = running();
        } catch (RuntimeException e) {
            redis.failed(e);
            return;
        }
        suspects.retainAll(running);
        for (String searchId : running) {
            if (ownedHere(searchId) || leaseAlive(searchId)) {
                suspects.remove(searchId);
                continue;
            }
            if (suspects.add(searchId)) {
                continue;
            }
            suspects.remove(searchId);
            if (reap(searchId, new ProgressEvent(0, ProgressEvent.ERROR, -1, NODE_LOST,
                    Map.of("error", NODE_LOST)))) {
                lostHandlers.forEach(h -> h.accept(searchId, NODE_LOST));
            }
        }
    }

    public static final String NODE_LOST = "O servidor que executava a busca parou de responder. Faça uma nova busca.";

    private void catchUp(RedissonClient c) {
        for (Map.Entry<String, Set<RemoteSubscription>> entry : remote.entrySet()) {
            long from = entry.getValue().stream().filter(s -> !s.finished()).mapToLong(RemoteSubscription::delivered)
                    .min().orElse(-1);
            if (from < 0) {
                continue;
            }
            try {
                List<ProgressEvent> events = readLog(c, entry.getKey(), from);
                entry.getValue().forEach(s -> s.offerAll(events));
            } catch (RuntimeException e) {
                redis.failed(e);
                return;
            }
        }
    }

    private static List<ProgressEvent> readLog(RedissonClient c, String searchId, long afterId) {
        List<String> raw = c.<String>getList(logKey(searchId)).range((int) afterId, -1);
        List<ProgressEvent> events = new ArrayList<>(raw.size());
        for (String json : raw) {
            ProgressEvent e = ProgressEventJson.read(json);
            if (e.id() > afterId) {
                events.add(e);
            }
        }
        return events;
    }

    @Override
    public Subscription subscribe(String searchId, long afterId, Consumer<ProgressEvent> listener) {
        if (local.knows(searchId)) {
            return local.subscribe(searchId, afterId, listener);
        }
        Set<RemoteSubscription> subs = remote.computeIfAbsent(searchId, k -> new CopyOnWriteArraySet<>());
        RemoteSubscription[] self = new RemoteSubscription[1];
        self[0] = new RemoteSubscription(searchId, afterId, executor, listener, () -> {
            subs.remove(self[0]);
            if (subs.isEmpty()) {
                remote.remove(searchId, subs);
            }
        });
        // Registered before the replay read, so an event published meanwhile arrives by one path or both.
        subs.add(self[0]);
        redis.client().ifPresent(c -> {
            try {
                self[0].offerAll(readLog(c, searchId, afterId));
            } catch (RuntimeException e) {
                redis.failed(e);
            }
        });
        return self[0];
    }

    @Override
    public List<ProgressEvent> history(String searchId, long afterId) {
        if (local.knows(searchId)) {
            return local.history(searchId, afterId);
        }
        return redis.client().map(c -> {
            try {
                return readLog(c, searchId, afterId);
            } catch (RuntimeException e) {
                redis.failed(e);
                return List.<ProgressEvent>of();
            }
        }).orElse(List.of());
    }

    @Override
    public Optional<ProgressEvent> last(String searchId) {
        if (local.knows(searchId)) {
            return local.last(searchId);
        }
        return redis.client().flatMap(c -> {
            try {
                return c.<String>getList(logKey(searchId)).range(-1, -1).stream().findFirst()
                        .map(ProgressEventJson::read);
            } catch (RuntimeException e) {
                redis.failed(e);
                return Optional.empty();
            }
        });
    }

    @Override
    public String mode() {
        return redis.mode();
    }

    /** Searches some node announced and has not ended. */
    public Set<String> running() {
        return redis.client().map(c -> Set.copyOf(c.<String>getSet(RUNNING).readAll())).orElse(Set.of());
    }

    public boolean ownedHere(String searchId) {
        return owned.containsKey(searchId);
    }

    public boolean leaseAlive(String searchId) {
        return redis.client().map(c -> c.getBucket(leaseKey(searchId)).isExists()).orElse(true);
    }

    /**
     * Ends a search whose node stopped renewing its lease: appends {@code error} to its log for every subscriber,
     * once across the cluster. Returns whether this node did it.
     */
    public boolean reap(String searchId, ProgressEvent error) {
        Optional<RedissonClient> client = redis.client();
        if (client.isEmpty()) {
            return false;
        }
        RedissonClient c = client.get();
        try {
            if (!c.getBucket(PREFIX + searchId + ":reaped").setIfAbsent(redis.node(), logTtl)) {
                return false;
            }
            long next = c.getList(logKey(searchId)).size() + 1L;
            append(c, searchId, error.withId(next));
            var meta = c.<String, String>getMap(metaKey(searchId));
            meta.fastPut("state", ProgressEvent.ERROR);
            meta.expire(META_TTL);
            c.getSet(RUNNING).remove(searchId);
            LOG.warning("Search " + searchId + " lost its node (lease expired): ended with an error event");
            return true;
        } catch (RuntimeException e) {
            redis.failed(e);
            LOG.log(Level.FINE, "reap failed", e);
            return false;
        }
    }
}
