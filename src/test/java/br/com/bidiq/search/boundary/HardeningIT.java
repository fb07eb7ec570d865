package br.com.bidiq.search.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.testing.ApiClient;
import br.com.bidiq.testing.Deployments;
import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.SearchBody;
import br.com.bidiq.testing.SseClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 probed through the public HTTP API of a real Liberty node, as an attacker would, with bounded loops on
 * loopback. The test server runs with small limits (the failsafe environment in pom.xml: 3 running, 3 queued, 3 per
 * client, 6 streams per client, a 5 s read deadline) and trusts X-Forwarded-For from 127.0.0.1, so each test can play
 * clients of its own without using up the address the other suites share.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HardeningIT {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Path MESSAGES_LOG = Path.of("target/liberty/wlp/usr/servers/bidiq-it/logs/messages.log");
    static FakePncpServer pncp;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bidiqWar();
    }

    @BeforeAll
    static void fakePncp() {
        pncp = new FakePncpServer(FakePncpServer.sampleRecords(), SearchFlowIT.FAKE_PNCP_PORT);
    }

    @AfterAll
    static void stopFake() {
        pncp.close();
    }

    /** Every test leaves the node idle: whatever it started is cancelled and has ended. */
    @AfterEach
    void drain() throws Exception {
        pncp.latency(0);
        for (String id : started) {
            HTTP.send(
                    HttpRequest.newBuilder(uri("/api/buscar/" + id)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    for (String id : started) {
                        if ("running"
                                .equals(json(get("/api/buscar/" + id, null).body())
                                        .getString("status"))) {
                            return false;
                        }
                    }
                    return true;
                });
        started.clear();
        pncp.reset();
        pncp.replaceRecords(FakePncpServer.sampleRecords());
    }

    final List<String> started = Collections.synchronizedList(new ArrayList<>());

    URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    /** Health and OpenAPI live at the server's root, whatever the application's context root. */
    URI root(String path) {
        return URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + path);
    }

    static JsonObject json(String body) {
        return ApiClient.json(body);
    }

    HttpResponse<String> post(String body, String client) throws Exception {
        HttpResponse<String> r = new ApiClient(base.toString()).search(body, client);
        if (r.statusCode() == 202) {
            started.add(json(r.body()).getString("search_id"));
        }
        return r;
    }

    HttpResponse<String> get(String path, String client) throws Exception {
        URI target = path.startsWith("/health") || path.startsWith("/openapi") ? root(path) : uri(path);
        return ApiClient.get(target, client);
    }

    /** One UF, one day, live: the "ordinary search". */
    static String ordinary(String id) {
        return SearchBody.live()
                .id(id)
                .dates("2026-02-10", "2026-02-10")
                .modalidades(4)
                .json();
    }

    static String withDates(String fields) {
        return "{\"ufs\":[\"SC\"],\"data_inicial\":\"2026-02-10\",\"data_final\":\"2026-03-12\",\"fonte\":\"pncp\""
                + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    // ---- 1. admission control -------------------------------------------------------------------------------

    @Test
    void aBurstOfSearchesIsAdmittedOrRefusedFastWhileHealthAndThePageStayFast() throws Exception {
        // Warm up first (class loading, JIT, the first validator and JSON-B use): the burst measures a running node.
        String warm = UUID.randomUUID().toString();
        assertEquals(202, post(ordinary(warm), "192.0.2.99").statusCode());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !"running"
                        .equals(json(get("/api/buscar/" + warm, null).body()).getString("status")));
        for (String path : List.of("/health/live", "/api/setores", "/")) {
            assertEquals(200, get(path, null).statusCode(), path);
        }
        pncp.latency(1_500);
        int posts = 300;
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Long> probeMillis = Collections.synchronizedList(new ArrayList<>());
        String[] paths = {"/health/live", "/api/setores", "/"};
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor();
        prober.scheduleWithFixedDelay(
                () -> {
                    try {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = get(paths[next.getAndIncrement() % paths.length], null);
                        if (r.statusCode() == 200) {
                            probeMillis.add((System.nanoTime() - t0) / 1_000_000);
                        }
                    } catch (Exception e) {
                        probeMillis.add(Long.MAX_VALUE);
                    }
                },
                0,
                20,
                TimeUnit.MILLISECONDS);
        List<Future<long[]>> answers = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            String client = "203.0.113." + (i % 40);
            answers.add(clients.submit(() -> {
                long t0 = System.nanoTime();
                HttpResponse<String> r = post(ordinary(null), client);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (r.statusCode() == 429 || r.statusCode() == 503) {
                    assertTrue(r.headers().firstValue("Retry-After").isPresent(), "Retry-After on " + r.statusCode());
                    assertFalse(json(r.body()).getString("erro").isBlank());
                }
                return new long[] {r.statusCode(), ms};
            }));
        }
        Map<Long, Long> byStatus = new java.util.TreeMap<>();
        long slowest = 0;
        for (Future<long[]> f : answers) {
            long[] a = f.get(60, TimeUnit.SECONDS);
            byStatus.merge(a[0], 1L, Long::sum);
            slowest = Math.max(slowest, a[1]);
        }
        prober.shutdown();
        prober.awaitTermination(15, TimeUnit.SECONDS);
        clients.shutdown();
        System.out.println("burst: " + byStatus + ", slowest POST " + slowest + " ms, probes " + summary(probeMillis));

        assertTrue(byStatus.keySet().stream().allMatch(s -> s == 202 || s == 429 || s == 503), byStatus.toString());
        assertTrue(byStatus.getOrDefault(503L, 0L) > 0, "the node filled up: " + byStatus);
        assertTrue(slowest < 1_000, "every POST answered within 1 s: " + slowest + " ms");
        List<Long> sorted = probeMillis.stream().sorted().toList();
        assertFalse(sorted.isEmpty());
        // The test's 20 clients, the fake PNCP and the node share this machine's two cores, so single probes vary
        // with the client's own scheduling: the typical probe must stay under 100 ms, and none may wait on a
        // starved pool (the failure this guards against took 23 s; before the executor setting, 5.9 s here).
        long p50 = sorted.get(sorted.size() / 2);
        assertTrue(p50 < 100, "health, /api/setores and the page under 100 ms: " + summary(probeMillis));
        assertTrue(sorted.get(sorted.size() - 1) < 1_000, "no probe waited for a thread: " + summary(probeMillis));
    }

    static String summary(List<Long> millis) {
        List<Long> s = millis.stream().sorted().toList();
        return s.isEmpty()
                ? "none"
                : s.size() + " (p50 " + s.get(s.size() / 2) + " ms, max " + s.get(s.size() - 1) + " ms)";
    }

    @Test
    void aClientHasAtMostThreeSearchesAndTheFourthIs429() throws Exception {
        pncp.latency(3_000);
        String me = "198.51.100.7";
        for (int i = 0; i < 3; i++) {
            assertEquals(202, post(ordinary(null), me).statusCode());
        }
        HttpResponse<String> fourth = post(ordinary(null), me);
        assertEquals(429, fourth.statusCode(), fourth.body());
        assertTrue(json(fourth.body()).getString("erro").contains("máximo 3 por cliente"), fourth.body());
        assertTrue(Integer.parseInt(fourth.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals(202, post(ordinary(null), "198.51.100.8").statusCode(), "another client still gets in");
    }

    @Test
    void aQueuedSearchSaysSoAndRunsWhenASlotFrees() throws Exception {
        pncp.latency(2_000);
        for (int i = 0; i < 3; i++) {
            assertEquals(202, post(ordinary(null), "192.0.2." + i).statusCode());
        }
        String id = UUID.randomUUID().toString();
        assertEquals(202, post(ordinary(id), "192.0.2.50").statusCode());
        SseClient.Stream_ s =
                SseClient.read(uri("/api/buscar/" + id + "/events"), null, Duration.ofSeconds(60), e -> false);
        JsonObject first = json(s.events().get(0).data());
        assertTrue(first.getString("message").startsWith("Na fila"), first.toString());
        assertTrue(first.getJsonObject("detail").getBoolean("na_fila"));
        assertEquals(
                "complete", json(s.events().get(s.events().size() - 1).data()).getString("stage"));
    }

    // ---- 2, 3, 4. bodies: deadline, size, numbers, caps -------------------------------------------------------

    @Test
    void aDribblingUploadIsCutOffByTheReadDeadline() throws Exception {
        long t0 = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/buscar HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json"
                            + "\r\nContent-Length: 400\r\n\r\n{\"ufs\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            long seconds = (System.nanoTime() - t0) / 1_000_000_000;
            assertTrue(seconds < 20, "cut off after " + seconds + " s");
            assertFalse(answer.startsWith("HTTP/1.1 202"), answer);
        }
        assertEquals(200, get("/api/setores", null).statusCode());
    }

    @Test
    void dribblingHeadersAreCutOffToo() throws Exception {
        long t0 = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write("GET /api/setores HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.getInputStream().readAllBytes();
            long seconds = (System.nanoTime() - t0) / 1_000_000_000;
            assertTrue(seconds < 20, "closed after " + seconds + " s");
        }
    }

    @Test
    void bodiesOverSixteenKilobytesAre413EvenWithoutContentLengthLies() throws Exception {
        String big = withDates("\"esferas\":["
                + IntStream.range(0, 2_000_000).mapToObj(i -> "\"M\"").collect(Collectors.joining(",")) + "]");
        HttpResponse<String> r = post(big, "192.0.2.200");
        assertEquals(413, r.statusCode());
        assertTrue(json(r.body()).getString("erro").contains("16 KB"));
        HttpResponse<String> chunked = HTTP.send(
                HttpRequest.newBuilder(uri("/api/buscar"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), "a chunked body is counted as it arrives");
    }

    @Test
    void aHundredThousandDigitAmountIsRefusedAtOnce() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(withDates("\"valor_minimo\":" + "9".repeat(100_000)), "192.0.2.201");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(413, r.statusCode());
        assertTrue(ms < 1_000, ms + " ms");
        HttpResponse<String> over = post(withDates("\"valor_maximo\":1E+10000000"), "192.0.2.201");
        assertEquals(422, over.statusCode(), over.body());
        assertTrue(json(over.body()).getJsonObject("campos").containsKey("valor_maximo"));
        assertEquals(
                422, post(withDates("\"valor_minimo\":10.001"), "192.0.2.201").statusCode());
    }

    @Test
    void everyListIsCapped() throws Exception {
        HttpResponse<String> r = post(withDates("\"esferas\":[\"F\",\"E\",\"M\",\"D\",\"N\",\"M\"]"), "192.0.2.202");
        assertEquals(422, r.statusCode());
        assertTrue(json(r.body()).getJsonObject("campos").containsKey("esferas"), r.body());
        String terms = IntStream.range(0, 60).mapToObj(i -> "termo" + i).collect(Collectors.joining(", "));
        HttpResponse<String> t = post(withDates("\"termos_busca\":\"" + terms + "\""), "192.0.2.202");
        assertEquals(422, t.statusCode());
        assertTrue(t.body().contains("No máximo 50 termos"), t.body());
    }

    // ---- 5. PNCP request budget -------------------------------------------------------------------------------

    @Test
    void aLivePlanOverTheRequestBudgetIs422AndSendsNothing() throws Exception {
        String ufs = String.join(
                ",",
                List.of(
                                "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA",
                                "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO")
                        .stream()
                        .map(u -> "\"" + u + "\"")
                        .toList());
        LocalDate end = LocalDate.now(java.time.ZoneId.of("America/Sao_Paulo"));
        HttpResponse<String> r = post(
                "{\"ufs\":[" + ufs + "],\"data_inicial\":\"" + end.minusDays(365)
                        + "\",\"data_final\":\"" + end + "\",\"modalidades\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14],"
                        + "\"fonte\":\"pncp\"}",
                "192.0.2.203");
        assertEquals(422, r.statusCode(), r.body());
        JsonObject body = json(r.body());
        assertTrue(body.getString("erro").contains("limite de 3000"), r.body());
        assertTrue(body.getJsonObject("detalhes").getInt("consultas_previstas") > 3000);
        assertTrue(pncp.requests().isEmpty(), "nothing was sent to PNCP");
    }

    // ---- 7. hostile PNCP values -------------------------------------------------------------------------------

    @Test
    void absurdPncpValuesAreNotInformed() throws Exception {
        List<JsonObject> records = new ArrayList<>(FakePncpServer.sampleRecords());
        JsonObject victim = records.stream()
                .filter(r -> r.getString("objetoCompra").toLowerCase().contains("uniforme"))
                .findFirst()
                .orElseThrow();
        String dia = victim.getString("dataPublicacaoPncp").substring(0, 10);
        String uf = victim.getJsonObject("unidadeOrgao").getString("ufSigla");
        records.set(
                records.indexOf(victim),
                Json.createObjectBuilder(victim)
                        .add("valorTotalEstimado", Json.createValue(new BigDecimal("1E+10000000")))
                        .build());
        pncp.replaceRecords(records);
        String id = UUID.randomUUID().toString();
        assertEquals(
                202,
                post(
                                "{\"search_id\":\"" + id + "\",\"ufs\":[\"" + uf + "\"],\"data_inicial\":\"" + dia
                                        + "\",\"data_final\":\"" + dia + "\",\"modalidades\":["
                                        + victim.getInt("modalidadeId")
                                        + "],\"fonte\":\"pncp\",\"show_all_matches\":true}",
                                "192.0.2.204")
                        .statusCode());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !"running"
                        .equals(json(get("/api/buscar/" + id, null).body()).getString("status")));
        HttpResponse<String> view = get("/api/buscar/" + id, null);
        assertTrue(
                view.body().length() < 2_000_000,
                "no giant number written out: " + view.body().length());
        JsonObject result = json(view.body()).getJsonObject("resultado");
        JsonObject hit = result.getJsonArray("licitacoes").getValuesAs(JsonObject.class).stream()
                .filter(l -> victim.getString("numeroControlePNCP").equals(l.getString("pncp_id", "")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(result.toString()));
        assertTrue(!hit.containsKey("valor") || hit.isNull("valor"), hit.toString());
    }

    // ---- 8. streams --------------------------------------------------------------------------------------------

    @Test
    void aFinishedStreamResumedAtItsEndAnswers204() throws Exception {
        String id = UUID.randomUUID().toString();
        assertEquals(202, post(ordinary(id), "192.0.2.205").statusCode());
        SseClient.Stream_ whole =
                SseClient.read(uri("/api/buscar/" + id + "/events"), null, Duration.ofSeconds(60), e -> false);
        String lastId = whole.events().get(whole.events().size() - 1).id();
        for (String at : List.of(lastId, String.valueOf(Long.parseLong(lastId) + 50))) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(uri("/api/buscar/" + id + "/events"))
                            .header("Accept", "text/event-stream")
                            .header("Last-Event-ID", at)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, r.statusCode(), "Last-Event-ID " + at);
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000);
        }
        SseClient.Stream_ tail = SseClient.read(
                uri("/api/buscar/" + id + "/events"),
                String.valueOf(Long.parseLong(lastId) - 1),
                Duration.ofSeconds(10),
                e -> false);
        assertEquals(
                List.of(lastId), tail.events().stream().map(SseClient.Event::id).toList());
    }

    @Test
    void aClientHasAtMostSixStreamsOpen() throws Exception {
        pncp.latency(10_000); // the search must outlive the streams opened on it
        String id = UUID.randomUUID().toString();
        assertEquals(202, post(ordinary(id), "192.0.2.206").statusCode());
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                HttpResponse<InputStream> s = stream(id, "192.0.2.206");
                assertEquals(200, s.statusCode());
                open.add(s);
            }
            HttpResponse<InputStream> seventh = stream(id, "192.0.2.206");
            assertEquals(429, seventh.statusCode());
            assertNotNull(seventh.headers().firstValue("Retry-After").orElse(null));
            seventh.body().close();
            HttpResponse<InputStream> other = stream(id, "192.0.2.207");
            assertEquals(200, other.statusCode(), "another client still streams");
            open.add(other);
        } finally {
            for (HttpResponse<InputStream> s : open) {
                s.body().close();
            }
        }
    }

    HttpResponse<InputStream> stream(String id, String client) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri("/api/buscar/" + id + "/events"))
                        .header("Accept", "text/event-stream")
                        .header("X-Forwarded-For", client)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    // ---- 9. logs -----------------------------------------------------------------------------------------------

    @Test
    void aForgedLineIsEscapedAndARefusalLogsOneInfoLine() throws Exception {
        String requestId = "forja-" + UUID.randomUUID();
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(uri("/api/buscar"))
                        .header("Content-Type", "application/json")
                        .header("X-Request-ID", requestId)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                withDates("\"setor_id\":\"x\\r\\n[ERROR] FORJADO " + requestId + "\"")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(422, r.statusCode());
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(MESSAGES_LOG), "Liberty's messages.log");
        await().atMost(Duration.ofSeconds(10)).until(() -> log().contains(requestId));
        List<String> lines = log().lines().filter(l -> l.contains(requestId)).toList();
        assertEquals(1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains(" I "), "at INFO: " + lines.get(0));
        assertTrue(log().lines().noneMatch(l -> l.startsWith("[ERROR] FORJADO")));
    }

    /** Liberty's log as bytes read one to one: a line that is not UTF-8 must not hide the others. */
    static String log() throws java.io.IOException {
        return Files.readString(MESSAGES_LOG, StandardCharsets.ISO_8859_1);
    }

    // ---- 11, 12. conflicts and coercions ---------------------------------------------------------------------

    @Test
    void theSameIdWithOtherCriteriaIs409() throws Exception {
        pncp.latency(500);
        String id = UUID.randomUUID().toString();
        assertEquals(202, post(ordinary(id), "192.0.2.208").statusCode());
        assertEquals(
                202,
                post(ordinary(id).replace("\"SC\"", "\"sc\""), "192.0.2.208").statusCode());
        HttpResponse<String> other = post(ordinary(id).replace("\"SC\"", "\"SP\""), "192.0.2.208");
        assertEquals(409, other.statusCode());
        assertTrue(json(other.body()).getString("erro").contains("search_id"));
    }

    @Test
    void nothingIsCoerced() throws Exception {
        Map<String, Integer> cases = Map.of(
                withDates("\"modalidades\":[1.5]"),
                422,
                withDates("\"show_all_matches\":\"yes\""),
                422,
                "{\"ufs\":[\"SC\"],\"ufs\":[\"SP\"],\"data_inicial\":\"2026-02-10\",\"data_final\":\"2026-02-10\"}",
                400,
                "{\"ufs\":[\"SC\"],\"data_inicial\":\"0000-02-10\",\"data_final\":\"2026-02-10\"}",
                422);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            HttpResponse<String> r = post(c.getKey(), "192.0.2.209");
            assertEquals(c.getValue(), r.statusCode(), c.getKey() + " → " + r.body());
            assertFalse(json(r.body()).getString("erro").isBlank());
        }
        byte[] latin1 = withDates("\"termos_busca\":\"confecção\"").getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(uri("/api/buscar"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(latin1))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(json(r.body()).getString("erro").contains("UTF-8"));
    }

    // ---- 15. small leaks ---------------------------------------------------------------------------------------

    @Test
    void noHostEchoNoExceptionNamesNoCountsInHealth() throws Exception {
        HttpResponse<String> openapi = HTTP.send(
                HttpRequest.newBuilder(root("/openapi"))
                        .header("X-Forwarded-Host", "evil.example")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, openapi.statusCode());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream()
                    .write(("GET /openapi HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(raw.startsWith("HTTP/1.1 200"), raw.substring(0, Math.min(200, raw.length())));
            assertFalse(raw.contains("evil.example"), "the Host header is not echoed");
        }
        for (String path : List.of("/nada.html", "/WEB-INF/web.xml", "/api/%c0%ae%c0%ae/x")) {
            HttpResponse<String> r = get(path, null);
            assertTrue(r.statusCode() >= 400, path);
            assertFalse(
                    r.body().contains("Exception")
                            || r.body().contains("SRVE")
                            || r.body().contains("java."),
                    path + " → " + r.body());
        }
        String live = get("/health/live", null).body();
        assertFalse(live.contains("sse") || live.matches(".*\\d.*"), "no counts: " + live);
    }
}
