package br.com.bidiq.progress.boundary;

import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.progress.control.ProgressEventJson;
import br.com.bidiq.progress.entity.ProgressEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's open event streams. Each stream is fed by its own bus subscription (replay, then live). All streams are
 * also registered with one broadcaster that sends the heartbeat comment, prunes sinks whose writes fail, and closes
 * every sink on shutdown, so the server does not wait for them.
 */
@ApplicationScoped
public class SseStreams {

    private static final Logger LOG = RequestIds.logger(SseStreams.class);

    @Inject
    ProgressBus bus;

    @Inject
    @ConfigProperty(name = "sse.heartbeat-seconds", defaultValue = "15")
    long heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "sse.retry-ms", defaultValue = "3000")
    long retryMillis;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<SseEventSink, ProgressBus.Subscription> open = new ConcurrentHashMap<>();
    private volatile SseBroadcaster broadcaster;
    private volatile Sse sse;
    private ScheduledFuture<?> heartbeat;

    public void open(Sse sse, SseEventSink sink, String searchId, long afterId) {
        ensureBroadcaster(sse);
        broadcaster.register(sink);
        ProgressBus.Subscription subscription = bus.subscribe(searchId, afterId, event -> write(sink, event));
        open.put(sink, subscription);
        if (sink.isClosed()) {
            closed(sink);
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

    public int openStreams() {
        return open.size();
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

    private void write(SseEventSink sink, ProgressEvent event) {
        if (sink.isClosed()) {
            close(sink);
            return;
        }
        OutboundSseEvent out = sse.newEventBuilder()
                .id(Long.toString(event.id()))
                .reconnectDelay(retryMillis)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, ProgressEventJson.data(event))
                .build();
        try {
            sink.send(out).toCompletableFuture().join();
        } catch (RuntimeException failed) {
            close(sink);
            return;
        }
        if (event.terminal()) {
            close(sink);
        }
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
        ProgressBus.Subscription s = open.remove(sink);
        if (s != null) {
            s.close();
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
