package br.com.bidiq.progress.control;

import br.com.bidiq.progress.entity.ProgressEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The in-JVM progress bus: one ordered, bounded log per search, kept for the result's lifetime after the search
 * ends. Subscribing and publishing take the log's lock, so a subscriber's replay and its live events meet with
 * nothing lost and nothing repeated.
 *
 * <p>A CDI alternative: {@link ProgressBusSelection} enables it when REDIS_URL is not set.
 */
@ApplicationScoped
@Alternative
public class LocalProgressBus implements ProgressBus {

    public static final String MODE = "in-memory";
    static final int MAX_EVENTS = 20_000;

    private final Map<String, SearchLog> logs = new ConcurrentHashMap<>();
    private Executor delivery;
    private Duration retention;
    private Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "search.result-ttl-minutes", defaultValue = "60")
    long resultTtlMinutes;

    private ScheduledFuture<?> sweep;

    protected LocalProgressBus() {
        // for CDI
    }

    public LocalProgressBus(Executor delivery, Duration retention, Clock clock) {
        this.delivery = delivery;
        this.retention = retention;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        delivery = executor;
        retention = Duration.ofMinutes(resultTtlMinutes);
        clock = Clock.systemUTC();
        sweep = scheduler.scheduleAtFixedRate(this::expire, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    private static final class SearchLog {
        final List<ProgressEvent> events = new ArrayList<>();
        final List<SerialDelivery> subscribers = new ArrayList<>();
        Instant endedAt;
    }

    /** Creates the search's log now, so subscribers that come before its first event wait for it here. */
    @Override
    public void open(String searchId, int ufCount) {
        logs.computeIfAbsent(searchId, id -> new SearchLog());
    }

    @Override
    public ProgressEvent publish(String searchId, ProgressEvent event) {
        SearchLog log = logs.computeIfAbsent(searchId, id -> new SearchLog());
        synchronized (log) {
            if (log.endedAt != null) {
                throw new IllegalStateException("search " + searchId + " already ended");
            }
            if (log.events.size() >= MAX_EVENTS && !event.terminal()) {
                // Bounded: a full log refuses progress without spending an id, so ids stay gap-free (replay and
                // the Redis mirror rely on that); the terminal event is always taken.
                throw new IllegalStateException("progress log of " + searchId + " is full");
            }
            ProgressEvent numbered = event.withId(log.events.size() + 1L); // id = position in the log
            log.events.add(numbered);
            log.subscribers.forEach(s -> s.offer(numbered));
            if (numbered.terminal()) {
                log.endedAt = clock.instant();
            }
            return numbered;
        }
    }

    @Override
    public Subscription subscribe(String searchId, long afterId, Consumer<ProgressEvent> listener) {
        SearchLog log = logs.computeIfAbsent(searchId, id -> new SearchLog());
        synchronized (log) {
            SerialDelivery[] self = new SerialDelivery[1];
            self[0] = new SerialDelivery(delivery, listener, () -> {
                synchronized (log) {
                    log.subscribers.remove(self[0]);
                }
            });
            for (ProgressEvent e : log.events) {
                if (e.id() > afterId) {
                    self[0].offer(e);
                }
            }
            if (log.endedAt == null) {
                log.subscribers.add(self[0]);
            }
            return self[0];
        }
    }

    @Override
    public List<ProgressEvent> history(String searchId, long afterId) {
        SearchLog log = logs.get(searchId);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            int from = (int) Math.min(Math.max(afterId, 0), log.events.size()); // ids are positions
            return List.copyOf(log.events.subList(from, log.events.size()));
        }
    }

    @Override
    public Optional<ProgressEvent> last(String searchId) {
        SearchLog log = logs.get(searchId);
        if (log == null) {
            return Optional.empty();
        }
        synchronized (log) {
            return log.events.isEmpty() ? Optional.empty() : Optional.of(log.events.get(log.events.size() - 1));
        }
    }

    @Override
    public String mode() {
        return MODE;
    }

    /** Whether this node holds the search's log (it runs or ran the search). */
    public boolean knows(String searchId) {
        return logs.containsKey(searchId);
    }

    /** Drops the logs of searches that ended longer ago than the retention. */
    public int expire() {
        Instant limit = clock.instant().minus(retention);
        int[] removed = {0};
        logs.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                boolean old = e.getValue().endedAt != null && e.getValue().endedAt.isBefore(limit);
                if (old) {
                    removed[0]++;
                }
                return old;
            }
        });
        return removed[0];
    }
}
