package br.com.bidiq.search.control;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The searches of this node: claimed atomically by id (a repeated POST gets the same search), updated by the
 * worker, and dropped a configurable time after they end.
 */
@ApplicationScoped
public class SearchRegistry {

    private final Map<String, SearchState> searches = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Inject
    @ConfigProperty(name = "search.result-ttl-minutes", defaultValue = "60")
    long resultTtlMinutes;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweep;

    public record Claim(SearchState state, boolean created) {
    }

    @PostConstruct
    void start() {
        sweep = scheduler.scheduleAtFixedRate(this::expire, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    public Claim claim(String searchId, SearchRequest request, String requestId) {
        boolean[] created = {false};
        SearchState state = searches.computeIfAbsent(searchId, id -> {
            created[0] = true;
            return SearchState.started(id, request, requestId, clock.instant());
        });
        return new Claim(state, created[0]);
    }

    public Optional<SearchState> find(String searchId) {
        return Optional.ofNullable(searchId == null ? null : searches.get(searchId));
    }

    public void progressed(String searchId, ProgressEvent event) {
        searches.computeIfPresent(searchId, (id, s) -> s.progressed(event));
    }

    public void completed(String searchId, SearchResult result) {
        searches.computeIfPresent(searchId, (id, s) -> s.completed(result, clock.instant()));
    }

    public void failed(String searchId, String message) {
        searches.computeIfPresent(searchId, (id, s) -> s.failed(message, clock.instant()));
    }

    void expire() {
        Instant limit = clock.instant().minus(Duration.ofMinutes(resultTtlMinutes));
        searches.values().removeIf(s -> s.endedAt() != null && s.endedAt().isBefore(limit));
    }
}
