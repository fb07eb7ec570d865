package br.com.bidiq.progress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.progress.entity.ProgressEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalProgressBusTest {

    final ExecutorService executor = Executors.newFixedThreadPool(4);
    final LocalProgressBus bus = new LocalProgressBus(executor, Duration.ofMinutes(60), Clock.systemUTC());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    static ProgressEvent event(String stage, int p) {
        return new ProgressEvent(0, stage, p, stage + " " + p, Map.of());
    }

    static List<Long> ids(List<ProgressEvent> events) {
        return events.stream().map(ProgressEvent::id).toList();
    }

    static void await(List<ProgressEvent> got, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (got.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void numbersEventsAndReplaysHistoryBeforeLiveEvents() throws Exception {
        bus.publish("s", event("connecting", 3));
        bus.publish("s", event("connecting", 8));
        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        bus.subscribe("s", 0, got::add);
        bus.publish("s", event("fetching", 10));
        bus.publish("s", event(ProgressEvent.COMPLETE, 100));

        await(got, 4);
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(got));
        assertEquals(ProgressEvent.COMPLETE, got.get(3).stage());
    }

    @Test
    void resumesAfterTheLastEventIdWithNothingRepeated() throws Exception {
        for (int i = 0; i < 5; i++) {
            bus.publish("s", event("fetching", 10 + i));
        }
        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        bus.subscribe("s", 3, got::add);
        bus.publish("s", event(ProgressEvent.ERROR, 0));

        await(got, 3);
        assertEquals(List.of(4L, 5L, 6L), ids(got));
        assertEquals(-1, got.get(2).progress());
    }

    @Test
    void aFinishedSearchReplaysEverythingAndTakesNoMoreEvents() throws Exception {
        bus.publish("s", event("connecting", 3));
        bus.publish("s", event(ProgressEvent.COMPLETE, 100));
        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        bus.subscribe("s", 0, got::add);
        await(got, 2);
        assertEquals(List.of(1L, 2L), ids(got));
        assertThrows(IllegalStateException.class, () -> bus.publish("s", event("late", 1)));
        assertEquals(List.of(2L), ids(bus.history("s", 1)));
    }

    @Test
    void subscribersJoiningDuringPublishingGetEveryEventExactlyOnceInOrder() throws Exception {
        int total = 5_000;
        int subscribers = 40;
        List<List<ProgressEvent>> received = Collections.synchronizedList(new ArrayList<>());
        List<Long> startPositions = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        Thread publisher = new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 1; i < total; i++) {
                bus.publish("race", event("fetching", i % 100));
            }
            bus.publish("race", event(ProgressEvent.COMPLETE, 100));
        });
        publisher.start();
        go.countDown();
        for (int s = 0; s < subscribers; s++) {
            List<ProgressEvent> got = new CopyOnWriteArrayList<>();
            long after = bus.history("race", 0).size() / 2;
            startPositions.add(after);
            received.add(got);
            bus.subscribe("race", after, got::add);
            Thread.sleep(1);
        }
        publisher.join();
        for (int s = 0; s < subscribers; s++) {
            List<ProgressEvent> got = received.get(s);
            long after = startPositions.get(s);
            await(got, (int) (total - after));
            List<Long> expected = new ArrayList<>();
            for (long id = after + 1; id <= total; id++) {
                expected.add(id);
            }
            assertEquals(expected, ids(got), "subscriber " + s + " from " + after);
        }
    }

    @Test
    void aSlowSubscriberDoesNotHoldUpOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Long> slowSaw = new AtomicReference<>(0L);
        bus.subscribe("s", 0, e -> {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            slowSaw.set(e.id());
        });
        List<ProgressEvent> fast = new CopyOnWriteArrayList<>();
        bus.subscribe("s", 0, fast::add);
        for (int i = 0; i < 10; i++) {
            bus.publish("s", event("fetching", i));
        }
        await(fast, 10);
        assertEquals(10, fast.size());
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slowSaw.get() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(10L, slowSaw.get());
    }

    @Test
    void closedSubscriptionsGetNothingMore() throws Exception {
        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        ProgressBus.Subscription sub = bus.subscribe("s", 0, got::add);
        bus.publish("s", event("a", 1));
        await(got, 1);
        sub.close();
        bus.publish("s", event("b", 2));
        Thread.sleep(50);
        assertEquals(1, got.size());
    }

    @Test
    void endedLogsExpireAfterTheRetention() {
        Instant[] now = {Instant.parse("2026-11-29T10:00:00Z")};
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        LocalProgressBus timed = new LocalProgressBus(executor, Duration.ofMinutes(60), clock);
        timed.publish("done", event(ProgressEvent.COMPLETE, 100));
        timed.publish("running", event("fetching", 10));
        now[0] = now[0].plus(Duration.ofMinutes(61));
        assertEquals(1, timed.expire());
        assertTrue(timed.history("done", 0).isEmpty());
        assertEquals(1, timed.history("running", 0).size());
    }
}
