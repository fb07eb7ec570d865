package br.com.bidiq.search.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.testing.ApiClient;
import br.com.bidiq.testing.Deployments;
import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.S3ProxyServer;
import br.com.bidiq.testing.SearchBody;
import br.com.bidiq.testing.SseClient;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end on a real Liberty server: the packaged WAR, a fake PNCP on localhost serving the recorded pages, and
 * only the public HTTP API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchFlowIT {

    static final int FAKE_PNCP_PORT = 18089;
    /** Which report storage the server under test was configured with (set per failsafe execution). */
    static final String STORAGE = System.getProperty("bidiq.expected.storage", "filesystem");

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static FakePncpServer pncp;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bidiqWar();
    }

    @BeforeAll
    static void fakePncp() throws Exception {
        pncp = new FakePncpServer(FakePncpServer.sampleRecords(), FAKE_PNCP_PORT);
        if ("object-storage".equals(STORAGE)) {
            S3ProxyServer.sharedOnItPort();
        }
    }

    /** Fetches a report by id: streamed by the app (filesystem) or through a redirect to a presigned URL. */
    HttpResponse<byte[]> download(String downloadId) throws Exception {
        HttpResponse<byte[]> first = HTTP.send(
                HttpRequest.newBuilder(uri("/api/download/" + downloadId)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if ("object-storage".equals(STORAGE)) {
            assertEquals(302, first.statusCode());
            URI target = URI.create(first.headers().firstValue("Location").orElseThrow());
            assertEquals(
                    URI.create("http://127.0.0.1:" + S3ProxyServer.IT_PORT).getAuthority(),
                    target.getAuthority(),
                    "redirects only to the configured storage");
            return HTTP.send(HttpRequest.newBuilder(target).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        return first;
    }

    @AfterAll
    static void stopFake() {
        pncp.close();
    }

    @BeforeEach
    void reset() {
        pncp.reset();
    }

    URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    ApiClient api() {
        return new ApiClient(base.toString());
    }

    static JsonObject json(String body) {
        return ApiClient.json(body);
    }

    HttpResponse<String> post(String body) throws Exception {
        return api().search(body);
    }

    HttpResponse<String> get(String path) throws Exception {
        return api().get(path);
    }

    /** Live from PNCP, whatever the index holds: these tests are about fetching. */
    static String engineeringSearch(String id, String ufs) {
        return SearchBody.live()
                .id(id)
                .raw("ufs", "[" + ufs + "]")
                .sector("engenharia")
                .json();
    }

    SseClient.Stream_ events(String id, String lastEventId) throws Exception {
        return api().events(id, lastEventId, Duration.ofSeconds(60));
    }

    static List<String> stages(SseClient.Stream_ s) {
        return ApiClient.stages(s);
    }

    @Test
    void aSearchStreamsItsStagesAndDeliversResultAndExcel() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> accepted = post(engineeringSearch(id, "\"SC\""));
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertTrue(accepted.headers().firstValue("Location").orElseThrow().endsWith("/api/buscar/" + id));
        JsonObject body = json(accepted.body());
        assertEquals(id, body.getString("search_id"));
        assertTrue(body.getString("events_url").endsWith("/api/buscar/" + id + "/events"));

        SseClient.Stream_ stream = events(id, null);

        assertEquals(200, stream.status());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals("no-cache", stream.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no", stream.headers().firstValue("X-Accel-Buffering").orElse(""));
        assertTrue(stream.closedByServer(), "the server closes the stream after the terminal event");
        List<String> stages = stages(stream);
        // SC x {4,5} x two windows (2026-02-10..03-11, 03-12..03-12) = 4 units, one event each.
        assertEquals(
                List.of(
                        "connecting",
                        "connecting",
                        "fetching",
                        "fetching",
                        "fetching",
                        "fetching",
                        "fetching",
                        "fetching",
                        "filtering",
                        "filtering",
                        "summary",
                        "excel",
                        "complete"),
                stages);
        for (int i = 3; i <= 6; i++) {
            JsonObject unit = json(stream.events().get(i).data()).getJsonObject("detail");
            assertEquals(i - 2, unit.getInt("unidades_concluidas"));
            assertEquals(4, unit.getInt("unidades_total"));
        }
        for (int i = 0; i < stream.events().size(); i++) {
            assertEquals(String.valueOf(i + 1), stream.events().get(i).id());
            assertEquals("3000", stream.events().get(i).retry());
        }
        JsonObject complete =
                json(stream.events().get(stream.events().size() - 1).data());
        assertEquals(100, complete.getInt("progress"));
        String downloadId = complete.getJsonObject("detail").getString("download_id");

        JsonObject result = json(get("/api/buscar/" + id).body());
        assertEquals("complete", result.getString("status"));
        JsonObject r = result.getJsonObject("resultado");
        assertEquals(81, r.getInt("total_raw"), "SC modalities 4 and 5 in the samples");
        int filtered = r.getInt("total_filtrado");
        assertTrue(filtered > 10, "engineering tenders found: " + filtered);
        assertEquals(filtered, r.getJsonArray("licitacoes").size());
        assertEquals(filtered, r.getJsonObject("resumo").getInt("total_oportunidades"));
        assertTrue(r.getJsonArray("unidades_com_falha").isEmpty());
        assertEquals(downloadId, r.getString("download_id"));

        if ("object-storage".equals(STORAGE)) {
            String url = complete.getJsonObject("detail").getString("download_url");
            assertEquals(url, r.getString("download_url"));
            assertEquals(
                    200,
                    HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode(),
                    "the presigned URL works");
        }
        HttpResponse<byte[]> xlsx = download(downloadId);
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers()
                .firstValue("Content-Disposition")
                .orElse("")
                .contains("BidIQ_Engenharia_e_Construcao_2026-02-10_a_2026-03-12.xlsx"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals("Engenharia e Construção", wb.getSheetAt(0).getSheetName());
            assertEquals(filtered + 2, wb.getSheetAt(0).getPhysicalNumberOfRows(), "header + rows + total");
            assertEquals(
                    r.getJsonArray("licitacoes").getJsonObject(0).getString("pncp_id"),
                    wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
        }
    }

    @Test
    void lateSubscribersGetTheWholeLogAndResumeAfterLastEventId() throws Exception {
        String id = UUID.randomUUID().toString();
        post(engineeringSearch(id, "\"SC\",\"SP\""));
        SseClient.Stream_ first = events(id, null);
        assertEquals("complete", stages(first).get(stages(first).size() - 1));

        SseClient.Stream_ late = events(id, null);
        assertTrue(late.closedByServer());
        assertEquals(first.events(), late.events(), "a late subscriber gets the full log");

        SseClient.Stream_ resumed = events(id, "5");
        assertEquals(first.events().subList(5, first.events().size()), resumed.events());

        SseClient.Stream_ byQuery = SseClient.read(
                uri("/api/buscar/" + id + "/events?lastEventId=7"), null, Duration.ofSeconds(30), e -> false);
        assertEquals(first.events().subList(7, first.events().size()), byQuery.events());

        SseClient.Stream_ reference =
                SseClient.read(uri("/api/buscar-progress/" + id), null, Duration.ofSeconds(30), e -> false);
        assertEquals(first.events(), reference.events());
    }

    @Test
    void aReconnectDuringASlowSearchLosesAndRepeatsNothing() throws Exception {
        pncp.latency(400);
        String id = UUID.randomUUID().toString();
        post(engineeringSearch(id, "\"SC\",\"SP\",\"MG\""));
        SseClient.Stream_ part = SseClient.read(
                uri("/api/buscar/" + id + "/events"), null, Duration.ofSeconds(30), e -> e.id().equals("4"));
        assertEquals(4, part.events().size());
        SseClient.Stream_ rest = events(id, "4");
        assertTrue(rest.closedByServer());
        assertEquals("5", rest.events().get(0).id());
        for (int i = 1; i < rest.events().size(); i++) {
            assertEquals(
                    Long.parseLong(rest.events().get(i - 1).id()) + 1,
                    Long.parseLong(rest.events().get(i).id()));
        }
        assertEquals("complete", stages(rest).get(stages(rest).size() - 1));
    }

    @Test
    void heartbeatsKeepAQuietStreamAlive() throws Exception {
        pncp.latency(2500);
        String id = UUID.randomUUID().toString();
        post(engineeringSearch(id, "\"SC\""));
        SseClient.Stream_ s = events(id, null);
        assertTrue(s.comments().contains("heartbeat"), "comments: " + s.comments());
        assertEquals("complete", stages(s).get(stages(s).size() - 1));
    }

    @Test
    void aRepeatedPostWithTheSameIdDoesNotStartASecondSearch() throws Exception {
        String id = UUID.randomUUID().toString();
        assertEquals(202, post(engineeringSearch(id, "\"SC\"")).statusCode());
        events(id, null);
        int requests = pncp.requests().size();

        HttpResponse<String> again = post(engineeringSearch(id, "\"SC\""));
        assertEquals(202, again.statusCode());
        assertEquals(id, json(again.body()).getString("search_id"));
        assertEquals("complete", json(again.body()).getString("status"));
        org.awaitility.Awaitility.await()
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> pncp.requests().size() == requests);
        assertEquals(
                1, stages(events(id, null)).stream().filter("complete"::equals).count());
    }

    @Test
    void invalidRequestsGetFieldMessagesAndStartNothing() throws Exception {
        HttpResponse<String> bad = post("{\"ufs\":[\"XX\"],\"data_inicial\":\"2026-03-01\","
                + "\"data_final\":\"2026-02-01\",\"setor_id\":\"nada\",\"modalidades\":[15]}");
        assertEquals(422, bad.statusCode());
        JsonObject fields = json(bad.body()).getJsonObject("campos");
        assertTrue(fields.containsKey("ufs"));
        assertTrue(fields.containsKey("data_final"));
        assertTrue(fields.containsKey("setor_id"));
        assertTrue(fields.containsKey("modalidades"));
        assertEquals(400, post("{\"ufs\": [").statusCode());
        assertEquals(
                422,
                post("{\"ufs\":[\"SP\"],\"data_inicial\":\"2024-01-01\",\"data_final\":\"2026-01-01\"}")
                        .statusCode());
        assertEquals(0, pncp.requests().size());
        assertEquals(404, get("/api/buscar/" + UUID.randomUUID()).statusCode());
        assertEquals(404, get("/api/buscar/" + UUID.randomUUID() + "/events").statusCode());
        HttpResponse<String> missing = get("/api/download/" + UUID.randomUUID());
        assertEquals(404, missing.statusCode());
        assertTrue(json(missing.body()).getString("erro").startsWith("Download expirado"));
        int traversal = get("/api/download/..%2F..%2Fetc%2Fpasswd").statusCode();
        assertTrue(traversal == 404 || traversal == 400, "status " + traversal);
    }

    @Test
    void aUfThatPncpFailsIsListedAndTheSearchStillCompletes() throws Exception {
        pncp.fault(
                "SP",
                new FakePncpServer.Fault(
                        500, "application/json", "Erro na comunicação com o banco de dados.", Map.of(), 0));
        String id = UUID.randomUUID().toString();
        post(engineeringSearch(id, "\"SC\",\"SP\""));
        SseClient.Stream_ s = events(id, null);
        assertEquals("complete", stages(s).get(stages(s).size() - 1));

        JsonObject r = json(get("/api/buscar/" + id).body()).getJsonObject("resultado");
        assertEquals(4, r.getJsonArray("unidades_com_falha").size(), "SP x 2 modalities x 2 windows");
        JsonObject failed = r.getJsonArray("unidades_com_falha").getJsonObject(0);
        assertEquals("SP", failed.getString("uf"));
        assertTrue(failed.getString("motivo").contains("HTTP 500"), failed.toString());
        assertTrue(r.getInt("total_filtrado") > 0, "SC results are kept");
    }

    @Test
    void whenEveryPncpQueryFailsTheSearchEndsInAnErrorNotInZeroTenders() throws Exception {
        FakePncpServer.Fault down = new FakePncpServer.Fault(503, "text/html", "<html>fora</html>", Map.of(), 0);
        pncp.fault("SC", down);
        pncp.fault("SP", down);
        String id = UUID.randomUUID().toString();
        post(engineeringSearch(id, "\"SC\",\"SP\""));
        SseClient.Stream_ s = events(id, null);
        List<String> stages = stages(s);
        assertEquals("error", stages.get(stages.size() - 1));
        assertFalse(stages.contains("complete"));
        JsonObject last = json(s.events().get(s.events().size() - 1).data());
        assertTrue(
                last.getString("message").startsWith("Não foi possível consultar o PNCP: as 8 consultas" + " falharam"),
                last.toString());
        assertEquals("pncp_indisponivel", last.getJsonObject("detail").getString("motivo"));
        assertEquals(
                8,
                last.getJsonObject("detail").getJsonArray("unidades_com_falha").size());
        JsonObject view = json(get("/api/buscar/" + id).body());
        assertEquals("error", view.getString("status"));
        assertFalse(view.containsKey("resultado"));
    }

    @Test
    void deleteCancelsARunningSearchAndNothingElse() throws Exception {
        assertEquals(404, delete("/api/buscar/" + UUID.randomUUID()).statusCode());
        pncp.latency(300);
        String id = UUID.randomUUID().toString();
        String ufs = "\"AC\",\"AL\",\"AP\",\"AM\",\"BA\",\"CE\",\"DF\",\"ES\",\"GO\",\"MA\",\"MT\",\"MS\",\"MG\","
                + "\"PA\",\"PB\",\"PR\",\"PE\",\"PI\",\"RJ\",\"RN\"";
        post(engineeringSearch(id, ufs));
        await().atMost(Duration.ofSeconds(20)).until(() -> pncp.requests().size() >= 5);
        HttpResponse<String> cancel = delete("/api/buscar/" + id);
        assertEquals(202, cancel.statusCode(), cancel.body());
        SseClient.Stream_ s = events(id, null);
        assertTrue(s.closedByServer());
        List<String> stages = stages(s);
        assertEquals("cancelled", stages.get(stages.size() - 1), stages.toString());
        int after = pncp.requests().size();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(4))
                .until(() -> pncp.requests().size() == after);
        assertTrue(after < 20 * 2 * 2, "requests: " + after);
        JsonObject view = json(get("/api/buscar/" + id).body());
        assertEquals("cancelled", view.getString("status"));
        assertEquals(200, delete("/api/buscar/" + id).statusCode(), "idempotent");

        pncp.latency(0);
        String done = UUID.randomUUID().toString();
        post(engineeringSearch(done, "\"SC\""));
        assertEquals(
                "complete",
                stages(events(done, null)).get(stages(events(done, null)).size() - 1));
        HttpResponse<String> late = delete("/api/buscar/" + done);
        assertEquals(200, late.statusCode());
        assertEquals("complete", json(late.body()).getString("status"), "a finished search is not affected");
        assertEquals("complete", json(get("/api/buscar/" + done).body()).getString("status"));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLiveSearchFillsTheIndexAndTheSameSearchIsThenAnsweredFromItWithoutPncp() throws Exception {
        String search = "\"ufs\":[\"ES\"],\"data_inicial\":\"2025-07-01\",\"data_final\":\"2025-07-31\","
                + "\"setor_id\":\"alimentos\",\"modalidades\":[6]}";
        // Live on purpose: the server's index may hold this range already (a build without clean keeps it); the
        // suite on a fresh PostgreSQL (IndexSearchIT) shows auto going live for a range not covered.
        String first = UUID.randomUUID().toString();
        post("{\"search_id\":\"" + first + "\",\"fonte\":\"pncp\"," + search);
        SseClient.Stream_ live = events(first, null);
        JsonObject liveEnd = json(live.events().get(live.events().size() - 1).data());
        assertEquals("complete", liveEnd.getString("stage"));
        assertEquals("pncp", liveEnd.getJsonObject("detail").getString("fonte"));
        JsonObject liveResult = json(get("/api/buscar/" + first).body()).getJsonObject("resultado");
        int raw = liveResult.getInt("total_raw");
        assertTrue(raw > 0);
        assertFalse(liveResult.getJsonArray("licitacoes").isEmpty(), "óleo de soja, frango, açúcar");
        // The live records are written to the index in the background.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> json(get("/api/indice").body())
                                        .getJsonObject("registros_por_uf")
                                        .getJsonNumber("ES")
                                != null
                        && json(get("/api/indice").body())
                                        .getJsonObject("registros_por_uf")
                                        .getInt("ES")
                                >= raw);
        int requests = pncp.requests().size();

        String second = UUID.randomUUID().toString();
        post("{\"search_id\":\"" + second + "\"," + search);
        SseClient.Stream_ indexed = events(second, null);
        assertEquals(
                List.of(
                        "connecting",
                        "connecting",
                        "consultando",
                        "consultando",
                        "filtering",
                        "filtering",
                        "summary",
                        "excel",
                        "complete"),
                stages(indexed));
        JsonObject end =
                json(indexed.events().get(indexed.events().size() - 1).data()).getJsonObject("detail");
        assertEquals("indice", end.getString("fonte"));
        assertTrue(end.containsKey("dados_atualizados_em"));
        JsonObject r = json(get("/api/buscar/" + second).body()).getJsonObject("resultado");
        assertEquals("indice", r.getString("fonte"));
        assertEquals(liveResult.getJsonArray("licitacoes"), r.getJsonArray("licitacoes"));
        assertEquals(requests, pncp.requests().size(), "no PNCP request");
    }

    @Test
    void securityHeadersOnThePageAndTheApi() throws Exception {
        for (String path : List.of("/", "/js/app.js", "/api/setores")) {
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(
                    csp.contains("default-src 'self'")
                            && csp.contains("frame-ancestors 'none'")
                            && !csp.contains("unsafe-inline"),
                    path + ": " + csp);
            assertEquals(
                    "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals(
                    "strict-origin-when-cross-origin",
                    r.headers().firstValue("Referrer-Policy").orElse(""),
                    path);
        }
    }

    @Test
    void sectorsAndHealth() throws Exception {
        JsonObject sectors = json(get("/api/setores").body());
        assertEquals(12, sectors.getJsonArray("setores").size());
        // MicroProfile Health lives at the server's root (WildFly: on its management port).
        String health = System.getProperty(
                "bidiq.health.url", base.toURI().resolve("/health").toString());
        JsonObject ready = json(HTTP.send(
                        HttpRequest.newBuilder(URI.create(health + "/ready")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertEquals("UP", ready.getString("status"));
        // Servers add checks of their own: find ours by name.
        JsonObject data = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "bidiq".equals(c.getString("name")))
                .findFirst()
                .orElseThrow()
                .getJsonObject("data");
        assertEquals("in-memory", data.getString("progress_bus"));
        assertEquals(STORAGE, data.getString("storage"));
        assertEquals(
                200,
                HTTP.send(
                                HttpRequest.newBuilder(URI.create(health + "/live"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }
}
