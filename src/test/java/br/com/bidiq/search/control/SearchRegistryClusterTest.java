package br.com.bidiq.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.cluster.control.ClusterSettings;
import br.com.bidiq.cluster.control.RedisConnection;
import br.com.bidiq.progress.control.LocalProgressBus;
import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.progress.control.ProgressSettings;
import br.com.bidiq.progress.control.RedisProgressBus;
import br.com.bidiq.progress.entity.ProgressEvent;
import br.com.bidiq.search.entity.SearchState;
import br.com.bidiq.testing.RedisServer;
import br.com.bidiq.testing.TcpProxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Registries of three "nodes" sharing a real Redis: claims across nodes, a node's death, an outage. */
@Tag("redis")
class SearchRegistryClusterTest {

    static final String REDIS = System.getProperty("bidiq.test.redis", "redis://127.0.0.1:6379");
    static final ProgressSettings PROGRESS = new ProgressSettings(Duration.ofMinutes(5), 10_000);
    static final ClusterSettings FAST = new ClusterSettings(Duration.ofMillis(400), Duration.ofMillis(100));

    final ScheduledExecutorService executor = Executors.newScheduledThreadPool(8);
    final List<RedisConnection> connections = new ArrayList<>();

    record Node(RedisConnection redis, SearchRegistry registry, ProgressBus bus) {}

    Node node(String url, String name) {
        RedisConnection redis = RedisConnection.create(url, name, 500, Duration.ofMillis(100), executor);
        connections.add(redis);
        RedisProgressBus bus =
                new RedisProgressBus(new LocalProgressBus(executor, PROGRESS, Clock.systemUTC()), redis, PROGRESS);
        return new Node(
                redis, new SearchRegistry(redis, new SearchLeases(redis, FAST), bus, PROGRESS, Clock.systemUTC()), bus);
    }

    static void awaitInMemory(Node n) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> "in-memory".equals(n.redis().mode()));
    }

    static void awaitStatus(Node n, String id, SearchState.Status status, Duration atMost) {
        Awaitility.await()
                .atMost(atMost)
                .until(() ->
                        n.registry().find(id).map(s -> s.status() == status).orElse(false));
    }

    @AfterEach
    void stop() {
        connections.forEach(RedisConnection::stop);
        executor.shutdownNow();
    }

    @Test
    void aSearchClaimedOnOneNodeIsTheSameSearchOnAnother() {
        Node a = node(REDIS, "a");
        Node b = node(REDIS, "b");
        String id = UUID.randomUUID().toString();
        assertTrue(a.registry().claim(id, null, "r-a").created());
        SearchRegistry.Claim onB = b.registry().claim(id, null, "r-b");
        assertFalse(onB.created(), "the second node follows the first one's search");
        assertEquals("r-a", onB.state().requestId());
        a.registry().failed(id, "falhou");
        assertEquals(
                SearchState.Status.ERROR, b.registry().find(id).orElseThrow().status());
    }

    /** Lease 400 ms, checks every 100 ms: the node's death is noticed in about a second, by one node only. */
    @Test
    void whenTheRunningNodeDiesOneOtherNodeEndsTheSearchForEveryone() {
        Node a = node(REDIS, "a");
        Node b = node(REDIS, "b");
        Node c = node(REDIS, "c");
        String id = UUID.randomUUID().toString();
        a.registry().claim(id, null, null);
        a.bus().open(id);
        a.bus().publish(id, new ProgressEvent(0, "fetching", 10, "buscando", Map.of()));
        List<ProgressEvent> onB = new CopyOnWriteArrayList<>();
        b.bus().subscribe(id, 0, ProgressBus.Listener.of(onB::add));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> onB.size() == 1);

        a.redis().stop(); // node a is gone: nobody renews its lease
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    b.registry().maintain();
                    c.registry().maintain();
                    return onB.size() == 2;
                });
        assertEquals(ProgressEvent.ERROR, onB.get(1).stage());
        assertEquals(2L, onB.get(1).id());
        assertEquals(SearchRegistry.NODE_LOST, onB.get(1).message());
        SearchState seenByC = c.registry().find(id).orElseThrow();
        assertEquals(SearchState.Status.ERROR, seenByC.status());
        assertEquals(SearchRegistry.NODE_LOST, seenByC.error());
        Awaitility.await()
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> {
                    b.registry().maintain();
                    c.registry().maintain();
                    return onB.size() == 2;
                });
    }

    @Test
    void aRunningSearchIsNotReapedWhileItsNodeRenewsTheLease() {
        Node a = node(REDIS, "a");
        Node b = node(REDIS, "b");
        String id = UUID.randomUUID().toString();
        a.registry().claim(id, null, null);
        Awaitility.await()
                .during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> {
                    a.registry().maintain();
                    b.registry().maintain();
                    return b.registry().find(id).orElseThrow().status() == SearchState.Status.RUNNING;
                });
    }

    @Test
    void anEndWrittenWhileRedisWasAwayReachesTheOtherNodesWhenItIsBack() throws Exception {
        try (RedisServer redis = new RedisServer(16391).start()) {
            Node a = node(redis.url(), "a");
            Node b = node(redis.url(), "b");
            String id = UUID.randomUUID().toString();
            a.registry().claim(id, null, null);
            redis.stop();
            a.registry().failed(id, "falhou durante a queda");
            awaitInMemory(a);
            redis.start();
            awaitStatus(b, id, SearchState.Status.ERROR, Duration.ofSeconds(20));
        }
    }

    /** Node a loses Redis (the others do not) while its search ends: back, it must not look like a dead node's. */
    @Test
    void aSearchThatEndedWhileItsNodeWasCutOffIsNotReapedAfterwards() throws Exception {
        URI redis = URI.create(REDIS);
        try (TcpProxy link = new TcpProxy(16393, redis.getHost(), redis.getPort())) {
            Node a = node("redis://127.0.0.1:" + link.port(), "a");
            Node b = node(REDIS, "b");
            String id = UUID.randomUUID().toString();
            a.registry().claim(id, null, null);
            a.bus().open(id);
            link.cut();
            a.registry().completed(id, null);
            a.bus().publish(id, new ProgressEvent(0, ProgressEvent.COMPLETE, 100, "Busca concluída!", Map.of()));
            awaitInMemory(a);
            link.restore();
            awaitStatus(b, id, SearchState.Status.COMPLETE, Duration.ofSeconds(10));
            // Well past two leases of checks by the other node: the search stays complete.
            Awaitility.await()
                    .during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> {
                        a.registry().maintain();
                        b.registry().maintain();
                        return b.registry().find(id).orElseThrow().status() == SearchState.Status.COMPLETE;
                    });
        }
    }
}
