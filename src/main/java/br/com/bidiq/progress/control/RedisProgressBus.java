package br.com.bidiq.progress.control;

import br.com.bidiq.cluster.control.ClusterSettings;
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
import java.util.logging.Logger;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;

/**
 * The cluster progress bus: mirror, replay, subscribe. The node writing a log keeps it locally (its own subscribers
 * never depend on Redis) and mirrors every event, in order and exactly once, to the Redis list
 * {@code bidiq:progress:{id}:log}, which lives as long as the result, publishing each on
 * {@code bidiq:progress:{id}:events}. Every node listens once to {@code bidiq:progress:*:events} and hands each
 * message to its subscribers of that log on the listener's thread; they replay the list from their position and
 * fill any gap from it. Events written while Redis is away are mirrored when it is back.
 *
 * <p>A CDI alternative: {@link ProgressBusSelection} enables it when REDIS_URL is set. While Redis is unreachable
 * (at start or later) it works as the in-JVM bus for this node, and joins the cluster when Redis answers.
 */
@ApplicationScoped
@Alternative
public class RedisProgressBus implements ProgressBus {

    static final String PREFIX = "bidiq:progress:";
    static final String PATTERN = PREFIX + "*:events";
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

    @Inject
    RedisConnection redis;

    @Inject
    ProgressSettings settings;

    @Inject
    ClusterSettings cluster;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService managedExecutor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    private final List<ScheduledFuture<?>> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Per log written here: the last id Redis has; a log leaves once its terminal event is there. */
    private final Map<String, Long> mirrored = new ConcurrentHashMap<>();

    private final Map<String, Set<RemoteSubscription>> remote = new ConcurrentHashMap<>();

    protected RedisProgressBus() {
        // for CDI
    }

    /** A bus outside a container (tests, tools): {@link #catchUp()} is then the caller's to schedule. */
    public RedisProgressBus(LocalProgressBus local, RedisConnection redis, ProgressSettings settings) {
        this.local = local;
        this.redis = redis;
        this.settings = settings;
        redis.whenConnected(this::listen);
        redis.whenAvailable(c -> mirrorAll());
    }

    @PostConstruct
    void start() {
        local = new LocalProgressBus(managedExecutor, settings, Clock.systemUTC());
        long period = cluster.maintenancePeriod().toMillis();
        tasks.add(scheduler.scheduleAtFixedRate(local::expire, 1, 1, TimeUnit.MINUTES));
        tasks.add(scheduler.scheduleWithFixedDelay(this::catchUp, period, period, TimeUnit.MILLISECONDS));
        redis.whenConnected(this::listen);
        redis.whenAvailable(c -> mirrorAll());
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
    }

    static String logKey(String logId) {
        return PREFIX + logId + ":log";
    }

    static String channel(String logId) {
        return PREFIX + logId + ":events";
    }

    private void listen(RedissonClient client) {
        client.getPatternTopic(PATTERN).addListener(String.class, (pattern, channel, message) -> {
            String name = channel.toString();
            String logId = name.substring(PREFIX.length(), name.length() - ":events".length());
            Set<RemoteSubscription> subs = remote.get(logId);
            if (subs != null && !subs.isEmpty()) {
                ProgressEvent e = ProgressEventJson.read(message);
                subs.forEach(s -> s.offer(e));
            }
        });
        LOG.info("Listening to " + PATTERN);
    }

    @Override
    public void open(String logId) {
        local.open(logId);
        mirrored.putIfAbsent(logId, 0L);
    }

    @Override
    public ProgressEvent publish(String logId, ProgressEvent event) {
        ProgressEvent numbered = local.publish(logId, event);
        mirrored.putIfAbsent(logId, 0L);
        mirror(logId);
        return numbered;
    }

    /** Mirrors every log written here that Redis does not fully have: after an outage, all of them at once. */
    void mirrorAll() {
        List.copyOf(mirrored.keySet()).forEach(this::mirror);
    }

    /** Copies the events Redis does not have yet; forgets the log once its terminal event is there. */
    void mirror(String logId) {
        Optional<RedissonClient> client = redis.client();
        if (client.isEmpty()) {
            return; // mirrored by mirrorAll when Redis is back
        }
        RedissonClient c = client.get();
        synchronized (lock(logId)) {
            Long done = mirrored.get(logId);
            if (done == null) {
                return;
            }
            try {
                List<ProgressEvent> pending = local.history(logId, done);
                int i = 0;
                while (i < pending.size()) {
                    long r = append(c, logId, pending.get(i));
                    if (r < 0) {
                        // Redis lost the list (a restart without persistence): write it again from where it stops.
                        pending = local.history(logId, -1 - r);
                        i = 0;
                        continue;
                    }
                    done = pending.get(i++).id();
                }
                mirrored.put(logId, done);
                long upTo = done;
                if (local.last(logId)
                        .filter(e -> e.terminal() && e.id() == upTo)
                        .isPresent()) {
                    mirrored.remove(logId);
                    locks.remove(logId);
                }
            } catch (RuntimeException e) {
                redis.failed(e);
            }
        }
    }

    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private Object lock(String logId) {
        return locks.computeIfAbsent(logId, k -> new Object());
    }

    private long append(RedissonClient c, String logId, ProgressEvent e) {
        Long r = c.getScript()
                .eval(
                        RScript.Mode.READ_WRITE,
                        APPEND,
                        RScript.ReturnType.LONG,
                        List.of(logKey(logId)),
                        String.valueOf(e.id()),
                        ProgressEventJson.write(e),
                        String.valueOf(settings.retention().toMillis()),
                        channel(logId));
        return r == null ? 0 : r;
    }

    /**
     * Ends another node's log in Redis (its node died): the terminal event goes after the list's last one, unless
     * that one is terminal already. The caller makes sure one node does it.
     */
    @Override
    public Optional<ProgressEvent> end(String logId, ProgressEvent terminal) {
        if (local.knows(logId)) {
            Optional<ProgressEvent> ended = local.end(logId, terminal);
            ended.ifPresent(e -> mirror(logId));
            return ended;
        }
        Optional<RedissonClient> client = redis.client();
        if (client.isEmpty()) {
            return Optional.empty();
        }
        try {
            RedissonClient c = client.get();
            List<String> tail = c.<String>getList(logKey(logId)).range(-1, -1);
            ProgressEvent last = tail.isEmpty() ? null : ProgressEventJson.read(tail.get(0));
            if (last != null && last.terminal()) {
                return Optional.empty();
            }
            ProgressEvent numbered = terminal.withId(last == null ? 1 : last.id() + 1);
            return append(c, logId, numbered) == 1 ? Optional.of(numbered) : Optional.empty();
        } catch (RuntimeException e) {
            redis.failed(e);
            return Optional.empty();
        }
    }

    /** Fills what remote subscribers missed of the live channel (a dropped message, a Redis outage) from the list. */
    public void catchUp() {
        Optional<RedissonClient> client = redis.client();
        if (client.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Set<RemoteSubscription>> entry : remote.entrySet()) {
            long from = entry.getValue().stream()
                    .filter(s -> !s.finished())
                    .mapToLong(RemoteSubscription::delivered)
                    .min()
                    .orElse(-1);
            if (from < 0) {
                continue;
            }
            try {
                List<ProgressEvent> events = readLog(client.get(), entry.getKey(), from);
                entry.getValue().forEach(s -> s.replay(events));
            } catch (RuntimeException e) {
                redis.failed(e);
                return;
            }
        }
    }

    private static List<ProgressEvent> readLog(RedissonClient c, String logId, long afterId) {
        List<String> raw = c.<String>getList(logKey(logId)).range((int) afterId, -1);
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
    public Subscription subscribe(String logId, long afterId, Listener listener) {
        if (local.knows(logId)) {
            return local.subscribe(logId, afterId, listener);
        }
        Set<RemoteSubscription> subs = remote.computeIfAbsent(logId, k -> new CopyOnWriteArraySet<>());
        RemoteSubscription[] self = new RemoteSubscription[1];
        // Delivered on the thread that brings the event (the channel's listener, a replay): no hand-off to a pool.
        Executor direct = Runnable::run;
        self[0] = new RemoteSubscription(afterId, new SerialDelivery(direct, listener, settings.maxLagEvents(), () -> {
            subs.remove(self[0]);
            if (subs.isEmpty()) {
                remote.remove(logId, subs);
            }
        }));
        // Registered before the replay read, so an event published meanwhile arrives by one path or both.
        subs.add(self[0]);
        redis.client().ifPresent(c -> {
            try {
                self[0].replay(readLog(c, logId, afterId));
            } catch (RuntimeException e) {
                redis.failed(e);
            }
        });
        return self[0];
    }

    @Override
    public Optional<ProgressEvent> last(String logId) {
        if (local.knows(logId)) {
            return local.last(logId);
        }
        return redis.client().flatMap(c -> {
            try {
                return c.<String>getList(logKey(logId)).range(-1, -1).stream()
                        .findFirst()
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
}
