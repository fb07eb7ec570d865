package br.com.bidiq.progress.control;

import br.com.bidiq.progress.entity.ProgressEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
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

/**
 * The in-JVM progress bus: one ordered, bounded log per search, kept for the result's lifetime after the search
 * ends. Subscribing and publishing take the log's lock, so a subscriber's replay and its live events meet with
 * nothing lost and nothing repeated. Deliveries start on the managed executor, so the publisher never waits for a
 * subscriber.
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
    private Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    @Inject
    ProgressSettings settings;

    private ScheduledFuture<?> sweep;

    protected LocalProgressBus() {
        // for CDI
    }

    public LocalProgressBus(Executor delivery, ProgressSettings settings, Clock clock) {
        this.delivery = delivery;
        this.settings = settings;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        delivery = executor;
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

    @Override
    public void open(String logId) {
        logs.computeIfAbsent(logId, id -> new SearchLog());
    }

    @Override
    public ProgressEvent publish(String logId, ProgressEvent event) {
        SearchLog log = logs.computeIfAbsent(logId, id -> new SearchLog());
        synchronized (log) {
            if (log.endedAt != null) {
                throw new IllegalStateException("log " + logId + " already ended");
            }
            if (log.events.size() >= MAX_EVENTS && !event.terminal()) {
                // Bounded: a full log refuses progress without spending an id, so ids stay gap-free (replay and
                // the Redis mirror rely on that); the terminal event is always taken.
                throw new IllegalStateException("progress log of " + logId + " is full");
            }
            ProgressEvent numbered = event.withId(log.events.size() + 1L); // id = position in the log
            log.events.add(numbered);
            List.copyOf(log.subscribers).forEach(s -> s.offer(numbered));
            if (numbered.terminal()) {
                log.endedAt = clock.instant();
            }
            return numbered;
        }
    }

    @Override
    public Optional<ProgressEvent> end(String logId, ProgressEvent terminal) {
        SearchLog log = logs.get(logId);
        if (log == null) {
            return Optional.empty();
        }
        synchronized (log) {
            return log.endedAt != null ? Optional.empty() : Optional.of(publish(logId, terminal));
        }
    }

    @Override
    public Subscription subscribe(String logId, long afterId, Listener listener) {
        SearchLog log = logs.computeIfAbsent(logId, id -> new SearchLog());
        synchronized (log) {
            SerialDelivery[] self = new SerialDelivery[1];
            self[0] = new SerialDelivery(delivery, listener, settings.maxLagEvents(), () -> {
                synchronized (log) {
                    log.subscribers.remove(self[0]);
                }
            });
            self[0].replay(after(log, afterId));
            if (log.endedAt == null) {
                log.subscribers.add(self[0]);
            }
            return self[0];
        }
    }

    /** The events after {@code afterId}, for a node that mirrors this log elsewhere. */
    public List<ProgressEvent> history(String logId, long afterId) {
        SearchLog log = logs.get(logId);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return after(log, afterId);
        }
    }

    private static List<ProgressEvent> after(SearchLog log, long afterId) {
        int from = (int) Math.min(Math.max(afterId, 0), log.events.size()); // ids are positions
        return List.copyOf(log.events.subList(from, log.events.size()));
    }

    @Override
    public Optional<ProgressEvent> last(String logId) {
        SearchLog log = logs.get(logId);
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

    /** Whether this node holds the log (it runs or ran its search). */
    public boolean knows(String logId) {
        return logs.containsKey(logId);
    }

    /** Drops the logs of searches that ended longer ago than the result's lifetime. */
    public int expire() {
        Instant limit = clock.instant().minus(settings.retention());
        int[] removed = {0};
        logs.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                boolean old =
                        e.getValue().endedAt != null && e.getValue().endedAt.isBefore(limit);
                if (old) {
                    removed[0]++;
                }
                return old;
            }
        });
        return removed[0];
    }
}
