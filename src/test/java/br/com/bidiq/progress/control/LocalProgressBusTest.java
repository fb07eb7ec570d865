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
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalProgressBusTest {

    final ExecutorService executor = Executors.newFixedThreadPool(4);
    static final ProgressSettings SETTINGS = new ProgressSettings(Duration.ofMinutes(60), 100_000);
    final LocalProgressBus bus = new LocalProgressBus(executor, SETTINGS, Clock.systemUTC());

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

    static void await(List<ProgressEvent> got, int n) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> got.size() >= n);
    }

    static ProgressBus.Listener into(List<ProgressEvent> got) {
        return ProgressBus.Listener.of(got::add);
    }

    @Test
    void numbersEventsAndReplaysHistoryBeforeLiveEvents() throws Exception {
        bus.publish("s", event("connecting", 3));
        bus.publish("s", event("connecting", 8));
        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        bus.subscribe("s", 0, into(got));
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
        bus.subscribe("s", 3, into(got));
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
        bus.subscribe("s", 0, into(got));
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
            bus.subscribe("race", after, into(got));
            Thread.yield();
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
        bus.subscribe("s", 0, ProgressBus.Listener.of(e -> {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            slowSaw.set(e.id());
        }));
        List<ProgressEvent> fast = new CopyOnWriteArrayList<>();
        bus.subscribe("s", 0, into(fast));
        for (int i = 0; i < 10; i++) {
            bus.publish("s", event("fetching", i));
        }
        await(fast, 10);
        assertEquals(10, fast.size());
        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> slowSaw.get() == 10L);
    }

    @Test
    void closedSubscriptionsGetNothingMore() throws Exception {
        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        ProgressBus.Subscription sub = bus.subscribe("s", 0, into(got));
        bus.publish("s", event("a", 1));
        await(got, 1);
        sub.close();
        bus.publish("s", event("b", 2));
        Awaitility.await()
                .during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(1))
                .until(() -> got.size() == 1);
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
        LocalProgressBus timed = new LocalProgressBus(executor, SETTINGS, clock);
        timed.publish("done", event(ProgressEvent.COMPLETE, 100));
        timed.publish("running", event("fetching", 10));
        now[0] = now[0].plus(Duration.ofMinutes(61));
        assertEquals(1, timed.expire());
        assertTrue(timed.history("done", 0).isEmpty());
        assertEquals(1, timed.history("running", 0).size());
    }

    @Test
    void endingALogThatAlreadyEndedChangesNothing() {
        bus.open("e");
        bus.publish("e", event("fetching", 10));
        assertEquals(
                2L, bus.end("e", event(ProgressEvent.ERROR, 0)).orElseThrow().id());
        assertTrue(bus.end("e", event(ProgressEvent.ERROR, 0)).isEmpty());
        assertTrue(bus.end("unknown", event(ProgressEvent.ERROR, 0)).isEmpty());
        assertEquals(2, bus.history("e", 0).size());
    }

    /** A receiver whose writes never complete (a client that does not read): it lags, holds no thread, then goes. */
    @Test
    void aSubscriberWhoseWritesNeverCompleteIsDroppedWhenTooFarBehind() {
        // Delivered on the publishing thread, so the reader that completes at once is never behind.
        LocalProgressBus tight =
                new LocalProgressBus(Runnable::run, new ProgressSettings(Duration.ofMinutes(60), 5), Clock.systemUTC());
        AtomicReference<Boolean> dropped = new AtomicReference<>(false);
        List<ProgressEvent> handed = new CopyOnWriteArrayList<>();
        tight.subscribe("s", 0, new ProgressBus.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> deliver(ProgressEvent e) {
                handed.add(e);
                return new java.util.concurrent.CompletableFuture<>(); // never written
            }

            @Override
            public void overflowed() {
                dropped.set(true);
            }
        });
        List<ProgressEvent> reader = new CopyOnWriteArrayList<>();
        tight.subscribe("s", 0, into(reader));
        for (int i = 0; i < 20; i++) {
            tight.publish("s", event("fetching", i));
        }
        await(reader, 20);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(dropped::get);
        assertEquals(1, handed.size(), "one write at a time: the next waits for the first to complete");
    }

    /**
     * 2,000 subscribers on four threads, 500 of which never complete a write: the other 1,500 get every event in
     * order, and the pool is never held (each of its tasks returns).
     */
    @Test
    void twoThousandSubscribersFiveHundredStalledTheRestGetEverything() {
        java.util.concurrent.ThreadPoolExecutor pool =
                (java.util.concurrent.ThreadPoolExecutor) Executors.newFixedThreadPool(4);
        ExecutorService sockets = Executors.newFixedThreadPool(2);
        try {
            LocalProgressBus busy =
                    new LocalProgressBus(pool, new ProgressSettings(Duration.ofMinutes(60), 256), Clock.systemUTC());
            int events = 200;
            List<List<ProgressEvent>> readers = new ArrayList<>();
            for (int s = 0; s < 2000; s++) {
                if (s % 4 == 0) {
                    busy.subscribe("many", 0, e -> new java.util.concurrent.CompletableFuture<>());
                } else {
                    List<ProgressEvent> got = new CopyOnWriteArrayList<>();
                    readers.add(got);
                    // Half the readers complete their writes later, on another thread, as a socket does.
                    busy.subscribe(
                            "many",
                            0,
                            s % 2 == 0
                                    ? into(got)
                                    : e -> java.util.concurrent.CompletableFuture.runAsync(() -> got.add(e), sockets));
                }
            }
            for (int i = 1; i < events; i++) {
                busy.publish("many", event("fetching", i % 100));
            }
            busy.publish("many", event(ProgressEvent.COMPLETE, 100));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> readers.stream().allMatch(r -> r.size() == events));
            List<Long> expected = new ArrayList<>();
            for (long id = 1; id <= events; id++) {
                expected.add(id);
            }
            readers.forEach(r -> assertEquals(expected, ids(r)));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> pool.getActiveCount() == 0 && pool.getQueue().isEmpty());
        } finally {
            pool.shutdownNow();
            sockets.shutdownNow();
        }
    }
}
