package br.com.bidiq.progress.control;

import br.com.bidiq.progress.entity.ProgressEvent;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Carries each log's progress events (a search's, an index run's) from its writer to every subscriber, in order,
 * from any position of the log: a subscriber gets the events after {@code afterId} and then the live ones, each
 * exactly once. Events only: who runs what, and what happens when a node dies, is the business of the log's owner.
 * The port has an in-JVM adapter and (for clusters) a Redis one.
 */
public interface ProgressBus {

    /**
     * The log exists from now on, so a subscriber that arrives before its first event waits for it on this node.
     */
    void open(String logId);

    /** Appends the event to the log, giving it the next id, and delivers it to the live subscribers. */
    ProgressEvent publish(String logId, ProgressEvent event);

    /**
     * Ends a log whose writer is gone (its node died): appends {@code terminal} after the log's last event, unless
     * the log has already ended. Returns the event as appended.
     */
    Optional<ProgressEvent> end(String logId, ProgressEvent terminal);

    /** History after {@code afterId}, then live events, to {@code listener}, one at a time and in order. */
    Subscription subscribe(String logId, long afterId, Listener listener);

    /** The log's latest event: where it is now. */
    Optional<ProgressEvent> last(String logId);

    /** How this bus works, for logs and health: "in-memory" or "redis". */
    String mode();

    /**
     * Receives a subscriber's events. The next event is handed over when the stage returned for the previous one
     * completes, so a slow receiver (an SSE client that does not read) holds no thread while it lags; a stage that
     * completes exceptionally ends the subscription.
     */
    @FunctionalInterface
    interface Listener {
        CompletionStage<?> deliver(ProgressEvent event);

        /** The subscriber fell too far behind and was dropped: it should start again from where it got to. */
        default void overflowed() {}

        /** A listener that handles each event at once. */
        static Listener of(Consumer<ProgressEvent> consumer) {
            return event -> {
                consumer.accept(event);
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            };
        }
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
