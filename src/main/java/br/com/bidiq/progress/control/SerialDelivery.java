package br.com.bidiq.progress.control;

import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.entity.ProgressEvent;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands one subscriber its events in the order they were queued, one at a time, on the executor: a slow SSE client
 * never holds up the publisher or the other subscribers.
 */
final class SerialDelivery implements ProgressBus.Subscription {

    private static final Logger LOG = RequestIds.logger(SerialDelivery.class);

    private final Queue<ProgressEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor executor;
    private final Consumer<ProgressEvent> listener;
    private final Runnable onClose;
    private volatile boolean closed;

    SerialDelivery(Executor executor, Consumer<ProgressEvent> listener, Runnable onClose) {
        this.executor = executor;
        this.listener = listener;
        this.onClose = onClose;
    }

    void offer(ProgressEvent event) {
        if (closed) {
            return;
        }
        queue.add(event);
        schedule();
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException rejected) {
                draining.set(false);
                LOG.log(Level.WARNING, "progress delivery rejected", rejected);
            }
        }
    }

    private void drain() {
        try {
            ProgressEvent next;
            while (!closed && (next = queue.poll()) != null) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "progress listener failed", e);
                }
            }
        } finally {
            draining.set(false);
            if (!closed && !queue.isEmpty()) {
                schedule();
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            queue.clear();
            onClose.run();
        }
    }
}
