package br.com.bidiq.progress.control;

import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.entity.ProgressEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands one subscriber its events in order, one at a time: the next when the receiver's stage for the previous one
 * completes, so a receiver that lags holds no thread and never holds up the publisher or the other subscribers. A
 * receiver more than {@code maxLag} live events behind is dropped (an SSE client then reconnects with Last-Event-ID
 * and replays); the replay it was given on subscribing does not count towards that.
 */
final class SerialDelivery implements ProgressBus.Subscription {

    private static final Logger LOG = RequestIds.logger(SerialDelivery.class);

    private final ArrayDeque<ProgressEvent> queue = new ArrayDeque<>();
    private final Executor executor;
    private final ProgressBus.Listener listener;
    private final int maxLag;
    private final Runnable onClose;
    private int replayLeft;
    private boolean delivering;
    private boolean closed;

    /**
     * @param executor where a delivery starts when the subscriber is idle ({@code Runnable::run} delivers on the
     *                 offering thread); a delivery that follows a completed one runs on the completing thread
     */
    SerialDelivery(Executor executor, ProgressBus.Listener listener, int maxLag, Runnable onClose) {
        this.executor = executor;
        this.listener = listener;
        this.maxLag = maxLag;
        this.onClose = onClose;
    }

    /** The events the subscriber asked to replay: queued whatever their number. */
    void replay(List<ProgressEvent> events) {
        synchronized (this) {
            if (closed || events.isEmpty()) {
                return;
            }
            queue.addAll(events);
            replayLeft += events.size();
        }
        startIfIdle();
    }

    void offer(ProgressEvent event) {
        boolean overflow;
        synchronized (this) {
            if (closed) {
                return;
            }
            overflow = queue.size() - replayLeft >= maxLag;
            if (!overflow) {
                queue.add(event);
            }
        }
        if (overflow) {
            LOG.fine(() -> "subscriber more than " + maxLag + " events behind: dropped");
            close();
            listener.overflowed();
            return;
        }
        startIfIdle();
    }

    private void startIfIdle() {
        synchronized (this) {
            if (delivering || closed || queue.isEmpty()) {
                return;
            }
            delivering = true;
        }
        try {
            executor.execute(this::deliver);
        } catch (RuntimeException rejected) {
            synchronized (this) {
                delivering = false;
            }
            LOG.log(Level.WARNING, "progress delivery rejected", rejected);
        }
    }

    /** Delivers while stages complete at once; otherwise goes on when the pending one completes. */
    private void deliver() {
        while (true) {
            ProgressEvent next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    delivering = false;
                    return;
                }
                if (replayLeft > 0) {
                    replayLeft--;
                }
            }
            CompletionStage<?> stage;
            try {
                stage = listener.deliver(next);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "progress listener failed", e);
                close();
                return;
            }
            var future = stage.toCompletableFuture();
            if (!future.isDone()) {
                future.whenComplete((ok, failure) -> delivered(failure));
                return;
            }
            if (future.isCompletedExceptionally()) {
                close();
                return;
            }
        }
    }

    private void delivered(Throwable failure) {
        if (failure != null) {
            LOG.log(Level.FINE, "progress delivery failed", failure);
            close();
            return;
        }
        deliver();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        onClose.run();
    }
}
