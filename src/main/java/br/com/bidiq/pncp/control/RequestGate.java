package br.com.bidiq.pncp.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A non-blocking semaphore: callers get a future that completes when a permit is theirs. Waiting requests hold no
 * thread, so thousands of queued PNCP pages cost nothing while the number in flight stays bounded.
 */
public final class RequestGate {

    private final int permits;
    private final long budget;
    private final Executor executor;
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int available;
    private long granted;
    private boolean closed;

    public RequestGate(int permits, Executor executor) {
        this(permits, executor, Long.MAX_VALUE);
    }

    /** A gate that grants at most {@code budget} permits in its life; later callers fail at once. */
    public RequestGate(int permits, Executor executor, long budget) {
        if (permits < 1 || budget < 1) {
            throw new IllegalArgumentException("permits must be >= 1: " + permits);
        }
        this.permits = permits;
        this.budget = budget;
        this.available = permits;
        this.executor = executor;
    }

    public CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new CancellationException("gate closed"));
            }
            if (granted >= budget) {
                return CompletableFuture.failedFuture(new RequestBudgetExceededException(budget));
            }
            granted++;
            if (available > 0) {
                available--;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> ticket = new CompletableFuture<>();
            waiting.add(ticket);
            return ticket;
        }
    }

    public void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                available = Math.min(permits, available + 1);
                return;
            }
        }
        // Hand the permit over on another thread: the releasing thread may be deep in an HTTP callback.
        executor.execute(() -> next.complete(null));
    }

    /**
     * No permit is granted from now on: waiting and later callers fail with a {@link CancellationException}. Permits
     * already held stay valid until released (their requests are in flight).
     */
    public void close() {
        List<CompletableFuture<Void>> refused;
        synchronized (this) {
            closed = true;
            refused = List.copyOf(waiting);
            waiting.clear();
        }
        refused.forEach(t -> t.completeExceptionally(new CancellationException("gate closed")));
    }

    public synchronized boolean closed() {
        return closed;
    }

    /** Permits asked for so far: for a per-search gate, the number of requests that search sent. */
    public synchronized long granted() {
        return granted;
    }
}
