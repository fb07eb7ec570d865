package br.com.bidiq.progress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two "nodes" (two buses, two Redis clients) against a real Redis on localhost. */
class RedisProgressBusTest {

    static final String REDIS = System.getProperty("bidiq.test.redis", "redis://127.0.0.1:6379");

    final ScheduledExecutorService executor = Executors.newScheduledThreadPool(8);
    final List<RedisConnection> connections = new ArrayList<>();

    @AfterEach
    void stop() {
        connections.forEach(RedisConnection::stop);
        executor.shutdownNow();
    }

    RedisConnection connect(String url, String node) {
        RedisConnection c = RedisConnection.create(url, node, 500,
                new RedisConnection.ManagedLikeExecutors(executor, executor));
        connections.add(c);
        return c;
    }

    RedisProgressBus node(String url, String name) {
        return new RedisProgressBus(new LocalProgressBus(executor, Duration.ofMinutes(5), Clock.systemUTC()),
                connect(url, name), executor, Duration.ofMinutes(5), Clock.systemUTC());
    }

    static ProgressEvent event(String stage, int p) {
        return new ProgressEvent(0, stage, p, stage + " " + p, Map.of("n", p));
    }

    static void await(BooleanSupplier condition, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
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
        a.open(id, 2);
        a.publish(id, event("connecting", 3));
        a.publish(id, event("connecting", 8));

        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        b.subscribe(id, 0, got::add);
        a.publish(id, event("fetching", 10));
        a.publish(id, event(ProgressEvent.COMPLETE, 100));

        await(() -> got.size() == 4, 10);
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(got));
        assertEquals(Map.of("n", 10L), got.get(2).detail());
        List<ProgressEvent> late = new CopyOnWriteArrayList<>();
        b.subscribe(id, 2, late::add);
        await(() -> late.size() == 2, 10);
        assertEquals(List.of(3L, 4L), ids(late));
        assertEquals(ids(b.history(id, 0)), List.of(1L, 2L, 3L, 4L));
        assertFalse(a.running().contains(id), "a finished search leaves the running set");
    }

    @Test
    void subscribersJoiningWhilePublishingGetEveryEventOnce() throws Exception {
        RedisProgressBus a = node(REDIS, "a");
        RedisProgressBus b = node(REDIS, "b");
        String id = UUID.randomUUID().toString();
        a.open(id, 1);
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
            long after = s % 2 == 0 ? 0 : b.history(id, 0).size() / 2;
            List<ProgressEvent> got = new CopyOnWriteArrayList<>();
            received.add(got);
            starts.add(after);
            b.subscribe(id, after, got::add);
            Thread.sleep(5);
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
        a.open(id, 1);
        List<ProgressEvent> early = new CopyOnWriteArrayList<>();
        a.subscribe(id, 0, early::add); // before the first event: it must wait on this node, not on Redis
        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        a.publish(id, event("connecting", 3));
        a.subscribe(id, 0, got::add);
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
            a.open(id, 1);
            List<ProgressEvent> sameNode = new CopyOnWriteArrayList<>();
            a.publish(id, event("connecting", 3));
            a.subscribe(id, 0, sameNode::add);

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
            b.subscribe(id, 0, other::add);
            await(() -> other.size() == 7, 10);
            assertEquals(range(1, 7), ids(other), "the log was mirrored again after the restart");
        }
    }

    @Test
    void aSearchWhoseNodeDiesEndsWithAnErrorForOtherNodes() throws Exception {
        RedisConnection aConnection = connect(REDIS, "a");
        RedisProgressBus a = new RedisProgressBus(new LocalProgressBus(executor, Duration.ofMinutes(5),
                Clock.systemUTC()), aConnection, executor, Duration.ofMinutes(5), Clock.systemUTC());
        RedisProgressBus b = node(REDIS, "b");
        List<String> lost = new CopyOnWriteArrayList<>();
        b.whenNodeLost((id, message) -> lost.add(id));
        String id = UUID.randomUUID().toString();
        a.open(id, 1);
        a.publish(id, event("fetching", 10));
        List<ProgressEvent> got = new CopyOnWriteArrayList<>();
        b.subscribe(id, 0, got::add);
        await(() -> got.size() == 1, 5);

        aConnection.stop(); // node a is gone: nobody renews its lease
        long start = System.nanoTime();
        while (got.size() < 2 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30)) {
            b.maintain();
            Thread.sleep(1000);
        }
        assertEquals(2, got.size());
        assertEquals(ProgressEvent.ERROR, got.get(1).stage());
        assertEquals(2L, got.get(1).id());
        assertTrue((System.nanoTime() - start) / 1e9 < 30);
        assertEquals(List.of(id), lost);
    }
}
