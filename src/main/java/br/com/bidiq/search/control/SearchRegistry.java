package br.com.bidiq.search.control;

import br.com.bidiq.cluster.control.ClusterSettings;
import br.com.bidiq.cluster.control.RedisConnection;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.progress.control.ProgressSettings;
import br.com.bidiq.progress.entity.ProgressEvent;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchResult;
import br.com.bidiq.search.entity.SearchState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;

/**
 * The searches' life across the cluster: claimed atomically by id (a repeated POST, on any node, gets the same
 * search), updated by the worker, and dropped a configurable time after they end. This node's own searches live in
 * memory; with Redis they are also written to {@code bidiq:search:{id}} so every node can answer for them, and held
 * by a lease ({@link SearchLeases}): when a node dies, another marks its searches failed and ends their progress log.
 * Redis failures never stop a search; what Redis missed is written again when it answers.
 */
@ApplicationScoped
public class SearchRegistry {

    private static final Logger LOG = RequestIds.logger(SearchRegistry.class);
    static final String PREFIX = "bidiq:search:";
    /** A running search's state outlives any search (they are bounded in time) and goes when it ends or its node dies. */
    private static final Duration RUNNING_TTL = Duration.ofHours(6);

    public static final String NODE_LOST = "O servidor que executava a busca parou de responder. Faça uma nova busca.";

    private final Map<String, SearchState> searches = new ConcurrentHashMap<>();
    private final Jsonb jsonb = JsonbBuilder.create();
    private Clock clock = Clock.systemUTC();

    @Inject
    ProgressSettings progress;

    @Inject
    ClusterSettings cluster;

    @Inject
    RedisConnection redis;

    @Inject
    SearchLeases leases;

    @Inject
    ProgressBus bus;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final List<ScheduledFuture<?>> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** This node's searches whose last state change could not reach Redis (it was away): written when it is back. */
    private final Set<String> unsynced = ConcurrentHashMap.newKeySet();

    public record Claim(SearchState state, boolean created) {}

    protected SearchRegistry() {
        // for CDI
    }

    /** A registry outside a container (tests): {@link #maintain()} and {@link #expire()} are the caller's to run. */
    public SearchRegistry(
            RedisConnection redis, SearchLeases leases, ProgressBus bus, ProgressSettings progress, Clock clock) {
        this.redis = redis;
        this.leases = leases;
        this.bus = bus;
        this.progress = progress;
        this.clock = clock;
        redis.whenAvailable(c -> resync());
    }

    @PostConstruct
    void start() {
        long period = cluster.maintenancePeriod().toMillis();
        tasks.add(scheduler.scheduleAtFixedRate(this::expire, 1, 1, TimeUnit.MINUTES));
        tasks.add(scheduler.scheduleWithFixedDelay(this::maintain, period, period, TimeUnit.MILLISECONDS));
        redis.whenAvailable(c -> resync());
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
    }

    /** Redis is back: the states and leases it missed are written again. */
    private void resync() {
        leases.renew();
        for (String searchId : List.copyOf(unsynced)) {
            SearchState s = searches.get(searchId);
            unsynced.remove(searchId);
            if (s != null) {
                write(s, s.endedAt() == null ? RUNNING_TTL : resultTtl());
            }
        }
    }

    /** Every few seconds: renew this node's leases, and end the searches whose node died. */
    public void maintain() {
        leases.renew();
        leases.orphans().forEach(this::lost);
    }

    private Duration resultTtl() {
        return progress.retention();
    }

    public Claim claim(String searchId, SearchRequest request, String requestId) {
        SearchState mine = searches.get(searchId);
        if (mine != null) {
            return new Claim(mine, false);
        }
        Optional<RedissonClient> client = redis.client();
        if (client.isPresent()) {
            try {
                RMap<String, String> shared = client.get().getMap(PREFIX + searchId);
                if (shared.putIfAbsent("owner", redis.node()) != null) {
                    SearchState existing = read(shared.readAllMap(), searchId);
                    // Claimed a moment ago by another node that has not written its state yet: it runs it.
                    return new Claim(
                            existing != null
                                    ? existing
                                    : SearchState.started(searchId, request, requestId, clock.instant()),
                            false);
                }
            } catch (RuntimeException e) {
                redis.failed(e);
            }
        }
        boolean[] created = {false};
        SearchState state = searches.computeIfAbsent(searchId, id -> {
            created[0] = true;
            return SearchState.started(id, request, requestId, clock.instant());
        });
        if (created[0]) {
            leases.hold(searchId);
            write(state, RUNNING_TTL);
        }
        return new Claim(state, created[0]);
    }

    /** Whether the search is known, without reading its result (which may be large). */
    public boolean exists(String searchId) {
        if (searchId == null) {
            return false;
        }
        if (searches.containsKey(searchId)) {
            return true;
        }
        return redis.client()
                .map(c -> {
                    try {
                        return c.getMap(PREFIX + searchId).isExists();
                    } catch (RuntimeException e) {
                        redis.failed(e);
                        return false;
                    }
                })
                .orElse(false);
    }

    public Optional<SearchState> find(String searchId) {
        if (searchId == null) {
            return Optional.empty();
        }
        SearchState mine = searches.get(searchId);
        if (mine != null) {
            return Optional.of(mine);
        }
        return redis.client().map(c -> {
            try {
                Map<String, String> fields =
                        c.<String, String>getMap(PREFIX + searchId).readAllMap();
                return fields.isEmpty() ? null : read(fields, searchId);
            } catch (RuntimeException e) {
                redis.failed(e);
                return null;
            }
        });
    }

    public void completed(String searchId, SearchResult result) {
        SearchState s = searches.computeIfPresent(searchId, (id, old) -> old.completed(result, clock.instant()));
        if (s != null) {
            leases.release(searchId);
            write(s, resultTtl());
        }
    }

    public void failed(String searchId, String message) {
        SearchState s = searches.computeIfPresent(searchId, (id, old) -> old.failed(message, clock.instant()));
        if (s != null) {
            leases.release(searchId);
            write(s, resultTtl());
        }
    }

    public void cancelled(String searchId, String message) {
        SearchState s = searches.computeIfPresent(searchId, (id, old) -> old.cancelled(message, clock.instant()));
        if (s != null) {
            leases.release(searchId);
            write(s, resultTtl());
        }
    }

    /** A search whose node died: failed where every node reads it, and its progress log ends with the error. */
    private void lost(String searchId) {
        update(
                searchId,
                Map.of(
                        "status",
                        SearchState.Status.ERROR.wire(),
                        "error",
                        NODE_LOST,
                        "ended",
                        clock.instant().toString()),
                resultTtl());
        bus.end(searchId, new ProgressEvent(0, ProgressEvent.ERROR, -1, NODE_LOST, Map.of("error", NODE_LOST)));
        LOG.warning("Search " + searchId + " lost its node (lease expired): marked failed and its stream ended");
    }

    private void write(SearchState s, Duration ttl) {
        Map<String, String> fields = new HashMap<>();
        fields.put("owner", redis.node());
        fields.put("status", s.status().wire());
        fields.put("created", s.createdAt().toString());
        if (s.request() != null) {
            fields.put("request", jsonb.toJson(s.request()));
        }
        if (s.requestId() != null) {
            fields.put("request_id", s.requestId());
        }
        if (s.endedAt() != null) {
            fields.put("ended", s.endedAt().toString());
        }
        if (s.result() != null) {
            fields.put("result", jsonb.toJson(s.result()));
        }
        if (s.error() != null) {
            fields.put("error", s.error());
        }
        update(s.searchId(), fields, ttl);
    }

    private void update(String searchId, Map<String, String> fields, Duration ttl) {
        if (!redis.configured()) {
            return;
        }
        Optional<RedissonClient> client = redis.client();
        if (client.isEmpty()) {
            markUnsynced(searchId);
            return;
        }
        try {
            RMap<String, String> shared = client.get().getMap(PREFIX + searchId);
            shared.putAll(fields);
            if (ttl != null) {
                shared.expire(ttl);
            }
        } catch (RuntimeException e) {
            redis.failed(e);
            markUnsynced(searchId);
        }
    }

    private void markUnsynced(String searchId) {
        if (searches.containsKey(searchId)) {
            unsynced.add(searchId);
        }
    }

    private SearchState read(Map<String, String> f, String searchId) {
        if (!f.containsKey("status")) {
            return null;
        }
        Function<String, Instant> instant = k -> f.get(k) == null ? null : Instant.parse(f.get(k));
        return new SearchState(
                searchId,
                f.get("request") == null ? null : jsonb.fromJson(f.get("request"), SearchRequest.class),
                f.get("request_id"),
                SearchState.Status.fromWire(f.get("status")),
                instant.apply("created"),
                instant.apply("ended"),
                f.get("result") == null ? null : jsonb.fromJson(f.get("result"), SearchResult.class),
                f.get("error"));
    }

    void expire() {
        Instant limit = clock.instant().minus(resultTtl());
        searches.values().removeIf(s -> s.endedAt() != null && s.endedAt().isBefore(limit));
        unsynced.retainAll(searches.keySet());
        if (!searches.isEmpty()) {
            LOG.fine(() -> searches.size() + " searches held on this node");
        }
    }
}
