package br.com.bidiq.progress.boundary;

import br.com.bidiq.platform.LimitExceededException;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.progress.control.ProgressEventJson;
import br.com.bidiq.progress.entity.ProgressEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's open event streams. Each stream is fed by its own bus subscription (replay, then live), one write at a
 * time and without waiting for it: a client that does not read holds no thread, and one that falls too far behind
 * is closed (its EventSource reconnects with Last-Event-ID and replays). All streams are
 * also registered with one broadcaster that sends the heartbeat comment, prunes sinks whose writes fail, and closes
 * every sink on shutdown, so the server does not wait for them.
 */
@ApplicationScoped
public class SseStreams {

    private static final Logger LOG = RequestIds.logger(SseStreams.class);

    @Inject
    ProgressBus bus;

    @Inject
    @ConfigProperty(name = "sse.heartbeat-seconds")
    long heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "sse.retry-ms")
    long retryMillis;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "sse.max-streams")
    int maxStreams;

    @Inject
    @ConfigProperty(name = "sse.max-streams-per-client")
    int maxStreamsPerClient;

    private final Map<SseEventSink, Stream> open = new ConcurrentHashMap<>();
    private volatile SseBroadcaster broadcaster;
    private volatile Sse sse;
    private ScheduledFuture<?> heartbeat;

    /**
     * Streams a log to the sink: what follows {@code afterId}, then live events until the terminal one.
     *
     * @throws WebApplicationException 204 when the log has ended and the client has seen its last event (which stops
     *         {@code EventSource} instead of having it reconnect forever)
     * @throws LimitExceededException 429 when this client has {@code SSE_MAX_STREAMS_PER_CLIENT} streams open on this
     *         node, 503 when the node has {@code SSE_MAX_STREAMS}
     */
    public void open(Sse sse, SseEventSink sink, String searchId, long afterId, String client) {
        long after = afterId;
        Optional<ProgressEvent> last = bus.last(searchId);
        if (last.isPresent() && after >= last.get().id()) {
            if (last.get().terminal()) {
                throw new WebApplicationException(Response.noContent().build());
            }
            // A position past the log (never sent): resume from its end rather than wait for ids that will not come.
            after = last.get().id();
        }
        admit(client);
        ensureBroadcaster(sse);
        broadcaster.register(sink);
        ProgressBus.Subscription subscription = bus.subscribe(searchId, after, new ProgressBus.Listener() {
            @Override
            public CompletionStage<?> deliver(ProgressEvent event) {
                return write(sink, event);
            }

            @Override
            public void overflowed() {
                close(sink);
            }
        });
        open.put(sink, new Stream(subscription, client));
        if (sink.isClosed()) {
            closed(sink);
        }
    }

    private record Stream(ProgressBus.Subscription subscription, String client) {}

    private void admit(String client) {
        if (open.size() >= maxStreams) {
            throw LimitExceededException.node(
                    Duration.ofSeconds(retryMillis / 1000 + 5),
                    "Servidor com o máximo de " + maxStreams
                            + " acompanhamentos abertos. Tente novamente em alguns segundos.");
        }
        long mine =
                open.values().stream().filter(s -> s.client().equals(client)).count();
        if (mine >= maxStreamsPerClient) {
            throw LimitExceededException.client(
                    Duration.ofSeconds(retryMillis / 1000 + 5),
                    "Você já acompanha "
                            + mine + " buscas ao mesmo tempo (máximo " + maxStreamsPerClient + "). Feche uma aba ou"
                            + " aguarde uma terminar.");
        }
    }

    /** Whether the bus still holds a log for this stream (a finished one is kept for the result's lifetime). */
    public boolean known(String streamId) {
        return bus.last(streamId).isPresent();
    }

    /** The position to resume after, from a Last-Event-ID header or query parameter; 0 when absent or unreadable. */
    public static long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private synchronized void ensureBroadcaster(Sse given) {
        if (broadcaster != null) {
            return;
        }
        sse = given;
        broadcaster = given.newBroadcaster();
        broadcaster.onClose(this::closed);
        broadcaster.onError((sink, error) -> {
            LOG.fine(() -> "SSE write failed, pruning sink: " + error);
            close(sink);
        });
        heartbeat = scheduler.scheduleAtFixedRate(this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    }

    private void beat() {
        try {
            broadcaster.broadcast(sse.newEventBuilder().comment("heartbeat").build());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "heartbeat failed", e);
        }
    }

    /** Sends without waiting: the subscription hands over the next event when this one is written. */
    private CompletionStage<?> write(SseEventSink sink, ProgressEvent event) {
        if (sink.isClosed()) {
            close(sink);
            return CompletableFuture.failedFuture(new IllegalStateException("stream closed"));
        }
        OutboundSseEvent out = sse.newEventBuilder()
                .id(Long.toString(event.id()))
                .reconnectDelay(retryMillis)
                // The data is JSON already: written as text, it skips the JSON provider (SSE sends no media type).
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, ProgressEventJson.data(event))
                .build();
        CompletionStage<?> sent;
        try {
            sent = sink.send(out);
        } catch (RuntimeException failed) {
            close(sink);
            return CompletableFuture.failedFuture(failed);
        }
        return sent.whenComplete((ok, failed) -> {
            if (failed != null || event.terminal()) {
                close(sink);
            }
        });
    }

    private void close(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException ignored) {
            // already gone
        }
        closed(sink);
    }

    private void closed(SseEventSink sink) {
        Stream s = open.remove(sink);
        if (s != null) {
            s.subscription().close();
        }
    }

    @PreDestroy
    void shutdown() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        open.keySet().forEach(this::close);
        if (broadcaster != null) {
            broadcaster.close();
        }
    }
}
