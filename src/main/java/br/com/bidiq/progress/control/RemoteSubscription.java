package br.com.bidiq.progress.control;

import br.com.bidiq.progress.entity.ProgressEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A subscriber on a node that does not write the log. Events arrive from the Redis list (replay, catch-up) and from
 * the live channel, in any order and possibly twice; this hands them on strictly by id, each once, without gaps.
 */
final class RemoteSubscription implements ProgressBus.Subscription {

    private final SerialDelivery out;
    private final TreeMap<Long, ProgressEvent> pending = new TreeMap<>();
    private long delivered;
    private boolean done;
    private boolean closed;

    RemoteSubscription(long afterId, SerialDelivery out) {
        this.delivered = afterId;
        this.out = out;
    }

    synchronized long delivered() {
        return delivered;
    }

    synchronized boolean finished() {
        return done || closed;
    }

    /** A live event. */
    synchronized void offer(ProgressEvent e) {
        ready(List.of(e)).forEach(out::offer);
    }

    /** Events read from the list: a replay or a catch-up, which the subscriber's lag allowance does not cover. */
    synchronized void replay(List<ProgressEvent> events) {
        out.replay(ready(events));
    }

    /** The events that can go now, in order: the next ids after the last one handed on. */
    private List<ProgressEvent> ready(List<ProgressEvent> events) {
        if (done || closed) {
            return List.of();
        }
        for (ProgressEvent e : events) {
            if (e.id() > delivered) {
                pending.put(e.id(), e);
            }
        }
        List<ProgressEvent> ready = new ArrayList<>();
        while (!pending.isEmpty() && pending.firstKey() == delivered + 1) {
            ProgressEvent next = pending.pollFirstEntry().getValue();
            delivered = next.id();
            ready.add(next);
            if (next.terminal()) {
                done = true;
                pending.clear();
            }
        }
        return ready;
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
    }
}
