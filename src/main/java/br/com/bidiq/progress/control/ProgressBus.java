package br.com.bidiq.progress.control;

import br.com.bidiq.progress.entity.ProgressEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Carries each search's progress events from the worker to every subscriber, in order, from any position of the
 * search's log: a subscriber gets the events after {@code afterId} and then the live ones, each exactly once.
 * The port has an in-JVM adapter and (for clusters) a Redis one.
 */
public interface ProgressBus {

    /** Appends the event to the search's log, giving it the next id, and delivers it to the live subscribers. */
    ProgressEvent publish(String searchId, ProgressEvent event);

    /** History after {@code afterId}, then live events, to {@code listener}, one at a time and in order. */
    Subscription subscribe(String searchId, long afterId, Consumer<ProgressEvent> listener);

    List<ProgressEvent> history(String searchId, long afterId);

    /** The search's latest event: where it is now. */
    Optional<ProgressEvent> last(String searchId);

    /**
     * A search starts on this node: its log exists from now on, so a subscriber that arrives before the first event
     * waits for it on this node; buses that span nodes also announce it and keep its lease alive.
     */
    void open(String searchId, int ufCount);

    /** Told when a search ended because the node running it was lost (only buses that span nodes do this). */
    default void whenNodeLost(java.util.function.BiConsumer<String, String> handler) {
    }

    /** How this bus works, for logs and health: "in-memory" or "redis". */
    String mode();

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
