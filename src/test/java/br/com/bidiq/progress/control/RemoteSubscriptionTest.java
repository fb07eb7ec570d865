package br.com.bidiq.progress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.progress.entity.ProgressEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Events from the list and the channel, in any order and twice: handed on by id, once, without gaps. */
class RemoteSubscriptionTest {

    final List<ProgressEvent> got = new ArrayList<>();
    final AtomicBoolean closed = new AtomicBoolean();

    RemoteSubscription after(long afterId) {
        return new RemoteSubscription(
                afterId,
                new SerialDelivery(Runnable::run, ProgressBus.Listener.of(got::add), 100, () -> closed.set(true)));
    }

    static ProgressEvent e(long id) {
        return new ProgressEvent(id, "fetching", (int) id, "e" + id, Map.of());
    }

    static ProgressEvent end(long id) {
        return new ProgressEvent(id, ProgressEvent.COMPLETE, 100, "fim", Map.of());
    }

    List<Long> ids() {
        return got.stream().map(ProgressEvent::id).toList();
    }

    @Test
    void outOfOrderLiveEventsWaitForTheMissingOne() {
        RemoteSubscription s = after(0);
        s.offer(e(2));
        s.offer(e(3));
        assertEquals(List.of(), ids(), "nothing before 1");
        s.offer(e(1));
        assertEquals(List.of(1L, 2L, 3L), ids());
        assertEquals(3, s.delivered());
    }

    @Test
    void duplicatesFromTheReplayAndTheChannelGoOnce() {
        RemoteSubscription s = after(0);
        s.offer(e(1));
        s.replay(List.of(e(1), e(2), e(3)));
        s.offer(e(2));
        s.offer(e(3));
        s.offer(e(4));
        assertEquals(List.of(1L, 2L, 3L, 4L), ids());
    }

    @Test
    void aGapIsFilledByTheCatchUpFromTheList() {
        RemoteSubscription s = after(5);
        s.offer(e(3)); // before the position: ignored
        s.offer(e(7));
        s.offer(e(8));
        assertEquals(List.of(), ids());
        s.replay(List.of(e(6), e(7)));
        assertEquals(List.of(6L, 7L, 8L), ids());
    }

    @Test
    void theTerminalEventEndsItAndNothingFollows() {
        RemoteSubscription s = after(0);
        s.replay(List.of(e(1), end(2)));
        s.offer(e(3));
        assertEquals(List.of(1L, 2L), ids());
        assertTrue(s.finished());
    }

    @Test
    void closingStopsDeliveryAndTellsTheBus() {
        RemoteSubscription s = after(0);
        s.offer(e(1));
        s.close();
        s.offer(e(2));
        assertEquals(List.of(1L), ids());
        assertTrue(closed.get());
        assertTrue(s.finished());
    }
}
