package br.com.bidiq.search.control;

import br.com.bidiq.cluster.control.RedisConnection;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.control.ProgressBus;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;

/**
 * The searches: claimed atomically by id (a repeated POST, on any node, gets the same search), updated by the worker,
 * and dropped a configurable time after they end. This node's own searches live in memory; with Redis they are
 * also written to {@code bidiq:search:{id}} so every node can answer for them. Redis failures never stop a search.
 */
@ApplicationScoped
public class SearchRegistry {

    private static final Logger LOG = RequestIds.logger(SearchRegistry.class);
    static final String PREFIX = "bidiq:search:";
    private static final Duration RUNNING_TTL = Duration.ofHours(6);

    private final Map<String, SearchState> searches = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final Jsonb jsonb = JsonbBuilder.create();

    @Inject
    @ConfigProperty(name = "search.result-ttl-minutes", defaultValue = "60")
    long resultTtlMinutes;

    @Inject
    RedisConnection redis;

    @Inject
    ProgressBus bus;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweep;
    private ScheduledFuture<?> resync;
    /** This node's searches whose last state change could not reach Redis (it was away): written when it is back. */
    private final java.util.Set<String> unsynced = ConcurrentHashMap.newKeySet();

    public record Claim(SearchState state, boolean created) {
    }

    @PostConstruct
    void start() {
        sweep = scheduler.scheduleAtFixedRate(this::expire, 1, 1, TimeUnit.MINUTES);
        resync = scheduler.scheduleWithFixedDelay(this::resync, 5, 5, TimeUnit.SECONDS);
        bus.whenNodeLost(this::lost);
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
        if (resync != null) {
            resync.cancel(false);
        }
    }

    private void resync() {
        if (unsynced.isEmpty() || redis.client().isEmpty()) {
            return;
        }
        for (String searchId : java.util.List.copyOf(unsynced)) {
            SearchState s = searches.get(searchId);
            unsynced.remove(searchId);
            if (s != null) {
                write(s, s.endedAt() == null ? RUNNING_TTL : resultTtl());
            }
        }
    }

    private Duration resultTtl() {
        return Duration.ofMinutes(resultTtlMinutes);
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
                    return new Claim(existing != null ? existing
                            : SearchState.started(searchId, request, requestId, clock.instant()), false);
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
        return redis.client().map(c -> {
            try {
                return c.getMap(PREFIX + searchId).isExists();
            } catch (RuntimeException e) {
                redis.failed(e);
                return false;
            }
        }).orElse(false);
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
                Map<String, String> fields = c.<String, String>getMap(PREFIX + searchId).readAllMap();
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
            write(s, resultTtl());
        }
    }

    public void failed(String searchId, String message) {
        SearchState s = searches.computeIfPresent(searchId, (id, old) -> old.failed(message, clock.instant()));
        if (s != null) {
            write(s, resultTtl());
        }
    }

    public void cancelled(String searchId, String message) {
        SearchState s = searches.computeIfPresent(searchId, (id, old) -> old.cancelled(message, clock.instant()));
        if (s != null) {
            write(s, resultTtl());
        }
    }

    /** Another node's search whose node died: record the error where every node reads it. */
    private void lost(String searchId, String message) {
        // The bus reports every stream whose node died; only searches have state here (an index run's stream does not).
        if (!exists(searchId)) {
            return;
        }
        update(searchId, Map.of("status", SearchState.Status.ERROR.wire(), "error", message,
                "ended", clock.instant().toString()), resultTtl());
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
        return new SearchState(searchId,
                f.get("request") == null ? null : jsonb.fromJson(f.get("request"), SearchRequest.class),
                f.get("request_id"), SearchState.Status.fromWire(f.get("status")), instant.apply("created"),
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
