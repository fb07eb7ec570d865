package br.com.bidiq.progress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.cluster.control.RedisConnection;
import br.com.bidiq.progress.entity.ProgressEvent;
import br.com.bidiq.testing.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two "nodes" (two buses, two Redis clients) against a real Redis on localhost: run by failsafe (tag redis). */
@Tag("redis")
class RedisProgressBusTest {

    static final ProgressSettings SETTINGS = new ProgressSettings(Duration.ofMinutes(5), 100_000);

    static final String REDIS = System.getProperty("bidiq.test.redis", "redis://127.0.0.1:6379");

    final ScheduledExecutorService executor = Executors.newScheduledThreadPool(8);
    final List<RedisConnection> connections = new ArrayList<>();

    @AfterEach
    void stop() {
        connections.forEach(RedisConnection::stop);
        executor.shutdownNow();
    }

    RedisConnection connect(String url, String node) {
        RedisConnection c = RedisConnection.create(url, node, 500, Duration.ofMillis(200), executor);
        connections.add(c);
        return c;
    }

    RedisProgressBus node(String url, String name) {
        return new RedisProgressBus(
                new LocalProgressBus(executor, SETTINGS, Clock.systemUTC()), connect(url, name), SETTINGS);
    }

    static ProgressEvent event(String stage, int p) {
        return new ProgressEvent(0, stage, p, stage + " " + p, Map.of("n", p));
    }

    static void await(BooleanSupplier condition, long seconds) {
        Awaitility.await().atMost(Duration.ofSeconds(seconds)).until(condition::getAsBoolean);
    }

    static ProgressBus.Listener into(List<ProgressEvent> got) {
        return ProgressBus.Listener.of(got::add);
    }

    static List<Long> ids(List<ProgressEvent> events) {
        return events.stream().map(ProgressEvent::id).toList();
    }

    static List<Long> range(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            ids.add(i);
        }
        return ids;
    }

    @Test
    void anotherNodeReplaysThenGoesLiveInOrder() throws Exception {
        RedisProgressBus a = node(REDIS, "a");
        RedisProgressBus b = node(REDIS, "b");
        String id = UUID.randomUUID().toString();
        a.open(id);
        a.publish(id, event("connecting", 3));
        a.publish(id, event("connecting", 8));

        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        b.subscribe(id, 0, into(got));
        a.publish(id, event("fetching", 10));
        a.publish(id, event(ProgressEvent.COMPLETE, 100));

        await(() -> got.size() == 4, 10);
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(got));
        assertEquals(Map.of("n", 10L), got.get(2).detail());
        List<ProgressEvent> late = new CopyOnWriteArrayList<>();
        b.subscribe(id, 2, into(late));
        await(() -> late.size() == 2, 10);
        assertEquals(List.of(3L, 4L), ids(late));
        assertEquals(4L, b.last(id).orElseThrow().id());
    }

    @Test
    void subscribersJoiningWhilePublishingGetEveryEventOnce() throws Exception {
        RedisProgressBus a = node(REDIS, "a");
        RedisProgressBus b = node(REDIS, "b");
        String id = UUID.randomUUID().toString();
        a.open(id);
        int total = 2000;
        Thread publisher = new Thread(() -> {
            for (int i = 1; i < total; i++) {
                a.publish(id, event("fetching", i % 100));
            }
            a.publish(id, event(ProgressEvent.COMPLETE, 100));
        });
        List<List<ProgressEvent>> received = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        publisher.start();
        for (int s = 0; s < 20; s++) {
            long after = s % 2 == 0 ? 0 : b.last(id).map(ProgressEvent::id).orElse(0L) / 2;
            List<ProgressEvent> got = new CopyOnWriteArrayList<>();
            received.add(got);
            starts.add(after);
            b.subscribe(id, after, into(got));
            Thread.yield();
        }
        publisher.join();
        for (int s = 0; s < received.size(); s++) {
            List<ProgressEvent> got = received.get(s);
            long after = starts.get(s);
            await(() -> got.size() >= total - after, 20);
            assertEquals(range(after + 1, total), ids(got), "subscriber " + s + " from " + after);
        }
    }

    @Test
    void anUnreachableRedisMeansLocalModeNotFailure() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        RedisProgressBus a = node("redis://127.0.0.1:" + closed, "a");
        assertEquals("in-memory", a.mode());
        String id = UUID.randomUUID().toString();
        a.open(id);
        List<ProgressEvent> early = new CopyOnWriteArrayList<>();
        a.subscribe(id, 0, into(early)); // before the first event: it must wait on this node, not on Redis
        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        a.publish(id, event("connecting", 3));
        a.subscribe(id, 0, into(got));
        a.publish(id, event(ProgressEvent.COMPLETE, 100));
        await(() -> got.size() == 2 && early.size() == 2, 5);
        assertEquals(List.of(1L, 2L), ids(got));
        assertEquals(List.of(1L, 2L), ids(early));
    }

    @Test
    void aRunningSearchSurvivesARedisRestartAndIsMirroredAfterwards() throws Exception {
        try (RedisServer redis = new RedisServer(16390).start()) {
            RedisProgressBus a = node(redis.url(), "a");
            RedisProgressBus b = node(redis.url(), "b");
            assertEquals("redis", a.mode());
            String id = UUID.randomUUID().toString();
            a.open(id);
            List<ProgressEvent> sameNode = new CopyOnWriteArrayList<>();
            a.publish(id, event("connecting", 3));
            a.subscribe(id, 0, into(sameNode));

            redis.stop();
            for (int i = 0; i < 5; i++) {
                a.publish(id, event("fetching", 10 + i));
            }
            assertEquals("in-memory", a.mode());
            redis.start();
            await(() -> "redis".equals(a.mode()) && "redis".equals(b.mode()), 20);
            assertEquals("redis", a.mode());
            a.publish(id, event(ProgressEvent.COMPLETE, 100));
            await(() -> sameNode.size() == 7, 5);
            assertEquals(range(1, 7), ids(sameNode), "same-node subscribers lose nothing");

            List<ProgressEvent> other = new CopyOnWriteArrayList<>();
            b.subscribe(id, 0, into(other));
            await(() -> other.size() == 7, 10);
            assertEquals(range(1, 7), ids(other), "the log was mirrored again after the restart");
        }
    }

    @Test
    void anotherNodeEndsALogWhoseWriterIsGoneOnceOnly() {
        RedisConnection aConnection = connect(REDIS, "a");
        RedisProgressBus a = new RedisProgressBus(
                new LocalProgressBus(executor, SETTINGS, Clock.systemUTC()), aConnection, SETTINGS);
        RedisProgressBus b = node(REDIS, "b");
        String id = UUID.randomUUID().toString();
        a.open(id);
        a.publish(id, event("fetching", 10));
        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        b.subscribe(id, 0, into(got));
        await(() -> got.size() == 1, 5);
        aConnection.stop();

        ProgressEvent error = new ProgressEvent(0, ProgressEvent.ERROR, -1, "perdido", Map.of());
        assertEquals(2L, b.end(id, error).orElseThrow().id());
        assertTrue(b.end(id, error).isEmpty(), "a log that ended takes no second end");
        await(() -> got.size() == 2, 5);
        assertEquals(ProgressEvent.ERROR, got.get(1).stage());
    }

    @Test
    void aRemoteSubscriberMissingLiveMessagesIsCaughtUpFromTheList() {
        RedisProgressBus a = node(REDIS, "a");
        RedisProgressBus b = node(REDIS, "b");
        String id = UUID.randomUUID().toString();
        a.open(id);
        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        b.subscribe(id, 0, into(got));
        // Written straight to the list, as if the channel's message had been lost.
        RedisConnection writer = connect(REDIS, "w");
        writer.client()
                .orElseThrow()
                .getList(RedisProgressBus.logKey(id))
                .add(ProgressEventJson.write(event("fetching", 5).withId(1)));
        b.catchUp();
        await(() -> got.size() == 1, 5);
        assertEquals(List.of(1L), ids(got));
    }
}
