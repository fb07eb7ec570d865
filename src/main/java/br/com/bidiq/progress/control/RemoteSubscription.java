package br.com.bidiq.progress.control;

import br.com.bidiq.progress.entity.ProgressEvent;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A subscriber on a node that does not run the search. Events arrive from the Redis log (replay, catch-up) and from
 * the live channel, in any order and possibly twice; this hands them on strictly by id, each once, without gaps.
 */
final class RemoteSubscription implements ProgressBus.Subscription {

    private final String searchId;
    private final SerialDelivery out;
    private final Runnable onClose;
    private final TreeMap<Long, ProgressEvent> pending = new TreeMap<>();
    private long delivered;
    private boolean done;
    private boolean closed;

    RemoteSubscription(String searchId, long afterId, Executor executor, Consumer<ProgressEvent> listener,
                       Runnable onClose) {
        this.searchId = searchId;
        this.delivered = afterId;
        this.onClose = onClose;
        this.out = new SerialDelivery(executor, listener, () -> { });
    }

    String searchId() {
        return searchId;
    }

    synchronized long delivered() {
        return delivered;
    }

    synchronized boolean finished() {
        return done || closed;
    }

    synchronized void offer(ProgressEvent e) {
        if (done || closed || e.id() <= delivered) {
            return;
        }
        pending.put(e.id(), e);
        while (!pending.isEmpty() && pending.firstKey() == delivered + 1) {
            ProgressEvent next = pending.pollFirstEntry().getValue();
            delivered = next.id();
            out.offer(next);
            if (next.terminal()) {
                done = true;
                pending.clear();
            }
        }
    }

    void offerAll(List<ProgressEvent> events) {
        events.forEach(this::offer);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
        }
        out.close();
        onClose.run();
    }
}
