package br.com.bidiq.search.control;

import br.com.bidiq.platform.LimitExceededException;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.entity.ProgressEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which searches this node starts, and when. At most {@code SEARCH_MAX_RUNNING} run at once, so a burst can hold at
 * most that many worker threads however many clients ask, and PNCP replies always find a free thread; up to
 * {@code SEARCH_MAX_QUEUED} more wait here, holding no thread, and start in arrival order as running ones end. Each
 * client (its address) has at most {@code SEARCH_MAX_PER_CLIENT} searches running or waiting and may start
 * {@code SEARCH_MAX_PER_MINUTE} a minute and {@code SEARCH_MAX_PER_DAY} a day (Brasília's calendar day). Beyond any
 * limit the request is refused at once (429 for the client's limits, 503 when the node is full) and nothing is
 * started. The limits are per node: behind a balancer of N nodes a
 * client may have up to N times as many.
 */
@ApplicationScoped
public class SearchAdmission {

    private static final Logger LOG = RequestIds.logger(SearchAdmission.class);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** How long a node-full refusal asks the client to wait: about one short search. */
    static final Duration NODE_FULL_RETRY = Duration.ofSeconds(10);

    static final Duration CLIENT_BUSY_RETRY = Duration.ofSeconds(5);

    @Inject
    @ConfigProperty(name = "search.max-running")
    int maxRunning;

    @Inject
    @ConfigProperty(name = "search.max-queued")
    int maxQueued;

    @Inject
    @ConfigProperty(name = "search.max-per-client")
    int maxPerClient;

    @Inject
    @ConfigProperty(name = "search.max-per-minute")
    int maxPerMinute;

    @Inject
    @ConfigProperty(name = "search.max-per-day")
    int maxPerDay;

    private final DailyQuota daily = new DailyQuota();

    private Clock clock = Clock.systemUTC();
    private int running;
    private final Map<String, String> clientOf = new HashMap<>();
    private final Map<String, Integer> activeByClient = new HashMap<>();
    private final Map<String, Deque<Instant>> startsByClient = new LinkedHashMap<>();
    /** Queued searches in arrival order, each with how to run it (null between reserve and start). */
    private final Map<String, Runnable> waiting = new LinkedHashMap<>();
    /** Searches holding a running slot that have not been launched yet. */
    private final java.util.Set<String> promoted = new java.util.HashSet<>();

    public SearchAdmission() {}

    /** For tests: the limits and the clock given. */
    SearchAdmission(int maxRunning, int maxQueued, int maxPerClient, int maxPerMinute, int maxPerDay, Clock clock) {
        this.maxRunning = maxRunning;
        this.maxQueued = maxQueued;
        this.maxPerClient = maxPerClient;
        this.maxPerMinute = maxPerMinute;
        this.maxPerDay = maxPerDay;
        this.clock = clock;
    }

    /** What happened to an admitted search: started now, or waiting behind {@code ahead} others. */
    public record Admitted(boolean started, int ahead) {

        /** The first event of a queued search's stream, so its page says why nothing happens yet. */
        public ProgressEvent queuedEvent() {
            return new ProgressEvent(
                    0,
                    "connecting",
                    1,
                    ahead == 0
                            ? "Na fila: a busca começa assim que uma vaga abrir..."
                            : "Na fila: " + Plural.of(ahead, "busca", "buscas") + " à frente...",
                    Map.of("na_fila", true, "a_frente", ahead));
        }
    }

    /**
     * Counts a new search against its client and the node and gives it a place: a running slot or one in the
     * queue. Call {@link #start} once the search exists, or {@link #finished} if it turned out not to be new.
     *
     * @throws LimitExceededException when a limit is reached; nothing was counted
     */
    public synchronized void reserve(String searchId, String client) {
        Instant now = clock.instant();
        Deque<Instant> starts = recentStarts(client, now);
        int active = activeByClient.getOrDefault(client, 0);
        if (active >= maxPerClient) {
            throw LimitExceededException.client(
                    CLIENT_BUSY_RETRY,
                    "Você já tem " + active + " buscas em" + " andamento (máximo " + maxPerClient
                            + " por cliente). Aguarde uma terminar ou cancele-a.");
        }
        if (starts.size() >= maxPerMinute) {
            Duration wait = Duration.between(now, starts.peekFirst().plus(MINUTE));
            throw LimitExceededException.client(
                    wait,
                    "Limite de " + maxPerMinute + " buscas por minuto" + " atingido. Tente novamente em "
                            + Math.max(1, wait.toSeconds()) + " s.");
        }
        daily.check(client, now, maxPerDay);
        boolean slot = running < maxRunning;
        if (!slot && waiting.size() >= maxQueued) {
            throw LimitExceededException.node(
                    NODE_FULL_RETRY,
                    "Servidor ocupado: " + running + " buscas em" + " andamento e " + waiting.size()
                            + " na fila. Tente novamente em alguns segundos.");
        }
        starts.addLast(now);
        daily.count(client, now);
        activeByClient.merge(client, 1, Integer::sum);
        clientOf.put(searchId, client);
        if (slot) {
            running++;
            promoted.add(searchId);
        } else {
            waiting.put(searchId, null);
        }
    }

    /** Runs the reserved search now if it holds a slot; otherwise it waits, holding no thread, until one frees. */
    public Admitted start(String searchId, Runnable launch) {
        int ahead = 0;
        synchronized (this) {
            if (!promoted.remove(searchId)) {
                if (!waiting.containsKey(searchId)) {
                    throw new IllegalStateException("search " + searchId + " was not reserved");
                }
                for (String id : waiting.keySet()) {
                    if (id.equals(searchId)) {
                        break;
                    }
                    ahead++;
                }
                waiting.put(searchId, launch);
                return new Admitted(false, ahead);
            }
        }
        launch(searchId, launch);
        return new Admitted(true, 0);
    }

    /** A search ended (or was withdrawn): its client may start another, and the next waiting one starts. */
    public void finished(String searchId) {
        Map.Entry<String, Runnable> next = null;
        synchronized (this) {
            String client = clientOf.remove(searchId);
            if (client == null) {
                return;
            }
            activeByClient.computeIfPresent(client, (k, n) -> n > 1 ? n - 1 : null);
            if (waiting.containsKey(searchId)) {
                waiting.remove(searchId);
                return;
            }
            promoted.remove(searchId);
            Iterator<Map.Entry<String, Runnable>> it = waiting.entrySet().iterator();
            if (it.hasNext()) {
                next = it.next();
                it.remove();
                if (next.getValue() == null) {
                    // Reserved a moment ago and not started yet: it inherits the slot and runs when it starts.
                    promoted.add(next.getKey());
                    next = null;
                }
            } else {
                running--;
            }
        }
        if (next != null) {
            launch(next.getKey(), next.getValue());
        }
    }

    /**
     * Takes a waiting search out of the queue (it was cancelled before it started); returns whether it was waiting.
     * Its place is released: the caller ends it without a run.
     */
    public synchronized boolean withdraw(String searchId) {
        if (!waiting.containsKey(searchId)) {
            return false;
        }
        waiting.remove(searchId);
        String client = clientOf.remove(searchId);
        activeByClient.computeIfPresent(client, (k, n) -> n > 1 ? n - 1 : null);
        return true;
    }

    public synchronized int running() {
        return running;
    }

    public synchronized int queued() {
        return waiting.size();
    }

    private Deque<Instant> recentStarts(String client, Instant now) {
        Instant horizon = now.minus(MINUTE);
        // Forget clients idle for a minute, so the map stays as small as the last minute's traffic.
        for (Iterator<Deque<Instant>> it = startsByClient.values().iterator(); it.hasNext(); ) {
            Deque<Instant> d = it.next();
            if (d.isEmpty() || d.peekLast().isBefore(horizon)) {
                it.remove();
            } else {
                break;
            }
        }
        Deque<Instant> starts = startsByClient.remove(client);
        if (starts == null) {
            starts = new ArrayDeque<>();
        }
        while (!starts.isEmpty() && !starts.peekFirst().isAfter(horizon)) {
            starts.pollFirst();
        }
        // Re-inserted last: the map is ordered by each client's latest start, so idle ones sit at the front.
        startsByClient.put(client, starts);
        return starts;
    }

    private void launch(String searchId, Runnable launch) {
        try {
            launch.run();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Search " + searchId + " could not be started", e);
            finished(searchId);
        }
    }
}
