package br.com.bidiq.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.testing.ApiClient;
import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.LocalCluster;
import br.com.bidiq.testing.SearchBody;
import br.com.bidiq.testing.SseClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Liberty nodes and Redis (and nginx when installed), started by server-config/cluster/cluster.sh: a search
 * started on node A is followed, fetched and downloaded on node B, and survives node A's death as an error event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String REDIS_URL = System.getProperty("bidiq.test.redis", "redis://127.0.0.1:6379");
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static FakePncpServer pncp;
    static LocalCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        pncp = new FakePncpServer(FakePncpServer.sampleRecords(), 18089);
        cluster = new LocalCluster(Map.of(
                        "REDIS_URL",
                        REDIS_URL,
                        "PNCP_BASE_URL",
                        "http://127.0.0.1:18089",
                        "PNCP_BACKOFF_INITIAL_MS",
                        "20",
                        "PNCP_BACKOFF_MAX_MS",
                        "100",
                        "SSE_HEARTBEAT_SECONDS",
                        "2",
                        // A short lease, checked often: a dead node's searches end in about two seconds.
                        "CLUSTER_LEASE",
                        "PT1S",
                        "CLUSTER_MAINTENANCE_PERIOD",
                        "PT0.25S"))
                .start(2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        pncp.close();
    }

    static JsonObject json(String s) {
        return ApiClient.json(s);
    }

    static HttpResponse<String> post(String base, String id, String ufs) throws Exception {
        return new ApiClient(base)
                .search(SearchBody.live()
                        .id(id)
                        .raw("ufs", "[" + ufs + "]")
                        .sector("engenharia")
                        .modalidades(4, 5, 6)
                        .json());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return ApiClient.get(URI.create(url), null);
    }

    static SseClient.Stream_ events(String base, String id, String lastEventId, Duration timeout) throws Exception {
        return new ApiClient(base).events(id, lastEventId, timeout);
    }

    static List<String> stages(SseClient.Stream_ s) {
        return ApiClient.stages(s);
    }

    static void assertContiguous(SseClient.Stream_ s) {
        for (int i = 0; i < s.events().size(); i++) {
            assertEquals(String.valueOf(i + 1), s.events().get(i).id());
        }
    }

    @Test
    @Order(1)
    void aSearchStartedOnAStreamsCompletelyOnB() throws Exception {
        pncp.latency(100);
        String id = UUID.randomUUID().toString();
        assertEquals(202, post(cluster.node(1), id, "\"SC\",\"SP\",\"MG\"").statusCode());

        SseClient.Stream_ onB = events(cluster.node(2), id, null, Duration.ofSeconds(90));

        assertTrue(onB.closedByServer());
        assertContiguous(onB);
        List<String> stages = onB.events().stream()
                .map(e -> json(e.data()).getString("stage"))
                .toList();
        assertEquals(List.of("connecting", "connecting", "fetching"), stages.subList(0, 3));
        assertEquals(
                List.of("filtering", "filtering", "summary", "excel", "complete"),
                stages.subList(stages.size() - 5, stages.size()));
        // 3 UFs x 3 modalities x 2 windows: one event per unit, then the total.
        assertEquals(3 + 18 + 1, stages.indexOf("filtering"));

        SseClient.Stream_ late = events(cluster.node(2), id, null, Duration.ofSeconds(30));
        assertEquals(onB.events(), late.events(), "a late subscriber on B gets the full log");
        SseClient.Stream_ resumed = events(cluster.node(2), id, "10", Duration.ofSeconds(30));
        assertEquals(onB.events().subList(10, onB.events().size()), resumed.events());

        JsonObject viewOnB = json(get(cluster.node(2) + "/api/buscar/" + id).body());
        assertEquals("complete", viewOnB.getString("status"));
        JsonObject result = viewOnB.getJsonObject("resultado");
        assertTrue(result.getInt("total_filtrado") > 0);
        HttpResponse<byte[]> xlsx = HTTP.send(
                HttpRequest.newBuilder(URI.create(cluster.node(2) + "/api/download/" + result.getString("download_id")))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode(), "the report is reachable from B");
        assertTrue(xlsx.body().length > 1000);

        int requests = pncp.requests().size();
        HttpResponse<String> again = post(cluster.node(2), id, "\"sc\",\"SP\",\"MG\",\"SP\"");
        assertEquals(202, again.statusCode(), "the same criteria, written differently, are the same search");
        assertEquals("complete", json(again.body()).getString("status"));
        HttpResponse<String> different = post(cluster.node(2), id, "\"SC\"");
        assertEquals(409, different.statusCode(), "the same id with other criteria is refused on any node");
        assertTrue(json(different.body()).getString("erro").contains("search_id"));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> pncp.requests().size() == requests);
        assertEquals(requests, pncp.requests().size(), "a duplicate POST on B starts nothing");
    }

    @Test
    @Order(2)
    void throughTheLoadBalancer() throws Exception {
        Assumptions.assumeTrue(LocalCluster.nginxInstalled(), "nginx not installed");
        pncp.latency(50);
        String id = UUID.randomUUID().toString();
        HttpResponse<String> accepted = post(cluster.balancer(), id, "\"SC\"");
        assertEquals(202, accepted.statusCode());
        SseClient.Stream_ s = events(cluster.balancer(), id, null, Duration.ofSeconds(60));
        assertTrue(s.closedByServer());
        assertContiguous(s);
        assertEquals("complete", stages(s).get(stages(s).size() - 1));
        // nginx consumes X-Accel-Buffering itself (and so does not buffer); Cache-Control reaches the browser.
        assertEquals("no-cache", s.headers().firstValue("Cache-Control").orElse(""));
        for (int i = 0; i < 4; i++) {
            assertEquals(
                    "complete",
                    json(get(cluster.balancer() + "/api/buscar/" + id).body()).getString("status"));
        }
    }

    @Test
    @Order(2)
    void aSearchRunningOnAIsCancelledFromB() throws Exception {
        pncp.reset();
        pncp.latency(300);
        String id = UUID.randomUUID().toString();
        assertEquals(
                202,
                post(
                                cluster.node(1),
                                id,
                                "\"AC\",\"AL\",\"AP\",\"AM\",\"BA\",\"CE\",\"DF\",\"ES\","
                                        + "\"GO\",\"MA\",\"MT\",\"MS\",\"MG\",\"PA\",\"PB\",\"PR\"")
                        .statusCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> pncp.requests().size() >= 5);

        HttpResponse<String> cancel = HTTP.send(
                HttpRequest.newBuilder(URI.create(cluster.node(2) + "/api/buscar/" + id))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, cancel.statusCode(), cancel.body());

        SseClient.Stream_ onB = events(cluster.node(2), id, null, Duration.ofSeconds(30));
        assertTrue(onB.closedByServer());
        List<String> stages = stages(onB);
        assertEquals("cancelled", stages.get(stages.size() - 1), stages.toString());
        int after = pncp.requests().size();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(4))
                .until(() -> pncp.requests().size() == after);
        assertTrue(after < 16 * 3 * 2 / 2, "the node running it stopped its PNCP work: " + after + " requests");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "cancelled"
                        .equals(json(get(cluster.node(2) + "/api/buscar/" + id).body())
                                .getString("status")));
        pncp.latency(0);
    }

    @Test
    @Order(3)
    void whenTheRunningNodeDiesSubscribersElsewhereGetAnErrorWithinTheLease() throws Exception {
        pncp.latency(3000);
        String id = UUID.randomUUID().toString();
        post(cluster.node(1), id, "\"SC\",\"SP\",\"MG\",\"RJ\",\"ES\"");
        SseClient.Stream_ first = SseClient.read(
                URI.create(cluster.node(2) + "/api/buscar/" + id + "/events"),
                null,
                Duration.ofSeconds(30),
                e -> json(e.data()).getString("stage").equals("fetching"));
        String last = first.events().get(first.events().size() - 1).id();

        cluster.killNode(1);
        long killed = System.nanoTime();
        SseClient.Stream_ rest = events(cluster.node(2), id, last, Duration.ofSeconds(45));
        double seconds = (System.nanoTime() - killed) / 1e9;

        assertTrue(rest.closedByServer(), "the stream must end");
        assertEquals("error", stages(rest).get(stages(rest).size() - 1));
        assertTrue(seconds < 5, "error after " + seconds + " s (lease 1 s, checked every 0.25 s)");
        // The registry writes the failed state before it ends the log: the status already says so.
        assertEquals(
                "error", json(get(cluster.node(2) + "/api/buscar/" + id).body()).getString("status"));
    }
}
