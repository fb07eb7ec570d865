package br.com.bidiq.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.testing.ApiClient;
import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.LocalCluster;
import br.com.bidiq.testing.SseClient;
import br.com.bidiq.testing.TcpProxy;
import br.com.bidiq.testing.TestDatabases;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Searches answered from the local index, end to end: one Liberty node whose PostgreSQL sits behind a proxy the test
 * can cut, a fake PNCP serving the real sample records moved in time so that the newest was published yesterday
 * (some deadlines are still ahead), and an index filled by the operator's "atualizar". The tests run in order: each
 * builds on what the index holds after the previous one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexSearchIT {

    static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    static final String TOKEN = "token-de-teste-do-indice";
    static final String UFS = "\"SP\",\"SC\",\"ES\",\"MG\",\"RJ\"";
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final LocalDate TODAY = LocalDate.now(BRASILIA);

    static FakePncpServer pncp;
    static TcpProxy database;
    static LocalCluster cluster;
    static String node;

    @BeforeAll
    static void start() throws Exception {
        List<JsonObject> samples = FakePncpServer.sampleRecords();
        LocalDate newest = samples.stream()
                .map(r -> LocalDate.parse(r.getString("dataPublicacaoPncp").substring(0, 10)))
                .max(LocalDate::compareTo)
                .orElseThrow();
        pncp = new FakePncpServer(
                FakePncpServer.shifted(samples, (int) ChronoUnit.DAYS.between(newest, TODAY.minusDays(1))), 18093);
        String url = TestDatabases.emptyPostgres("bidiq_index_search_it");
        database = new TcpProxy(15433, "127.0.0.1", 5432);
        cluster = new LocalCluster(Map.ofEntries(
                        Map.entry("PNCP_BASE_URL", pncp.baseUrl()),
                        Map.entry("DATABASE_URL", url.replace(":5432/", ":" + database.port() + "/")),
                        Map.entry("DATABASE_USER", "postgres"),
                        Map.entry("ADMIN_TOKEN", TOKEN),
                        // No schedule: the index holds what the operator's run and the live searches put in it.
                        Map.entry("INDEX_ENABLED", "false"),
                        Map.entry("INDEX_HISTORY_DAYS", "200"),
                        Map.entry("INDEX_UFS", "SP,SC,ES,MG,RJ"),
                        Map.entry("INDEX_MODALIDADES", "4,5,6"),
                        Map.entry("INDEX_WINDOW_DAYS", "31")))
                .start(1);
        node = cluster.node(1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (database != null) {
            database.close();
        }
        pncp.close();
    }

    @Test
    @Order(1)
    void anIndexedRangeIsAnsweredFromTheIndexWithoutPncpAndEqualsTheLiveAnswer() throws Exception {
        HttpResponse<String> update = HTTP.send(
                HttpRequest.newBuilder(URI.create(node + "/api/indice/atualizar"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, update.statusCode(), update.body());
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonObject run = json(get("/api/indice").body()).getJsonObject("ultima_execucao");
                    return run != null && "succeeded".equals(run.getString("resultado", null));
                });
        int requests = pncp.requests().size();

        String range = dates(TODAY.minusDays(150), TODAY);
        Finished indexed = search(UFS, "[4,5,6]", range + ",\"setor_id\":\"engenharia\"");
        assertEquals("complete", indexed.stage(), indexed.result().toString());
        assertEquals("indice", indexed.result().getString("fonte"));
        assertTrue(indexed.stages().contains("consultando"), indexed.stages().toString());
        assertFalse(indexed.stages().contains("fetching"), indexed.stages().toString());
        assertTrue(indexed.end().containsKey("dados_atualizados_em"));
        assertEquals(List.of(), indexed.result().getJsonArray("indice_nao_coberto"));
        assertEquals(requests, pncp.requests().size(), "no PNCP request for an indexed range");

        Finished live = search(UFS, "[4,5,6]", range + ",\"setor_id\":\"engenharia\",\"fonte\":\"pncp\"");
        assertEquals("pncp", live.result().getString("fonte"));
        assertTrue(pncp.requests().size() > requests);
        assertFalse(live.licitacoes().isEmpty());
        assertEquals(live.licitacoes(), indexed.licitacoes(), "the same notices, in the same order");
    }

    @Test
    @Order(2)
    void aRangeTheIndexDoesNotCoverGoesLiveAndIsIndexedForTheNextSearch() throws Exception {
        String older = dates(TODAY.minusDays(380), TODAY.minusDays(210)) + ",\"setor_id\":\"alimentos\"";
        long unitsBefore = unitsDone();
        Finished first = search("\"ES\",\"MG\"", "[6]", older);
        assertEquals("pncp", first.result().getString("fonte"));
        assertTrue(
                first.result().getString("fonte_motivo").startsWith("o índice não cobre"),
                first.result().getString("fonte_motivo"));
        assertFalse(first.licitacoes().isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> unitsDone() > unitsBefore);
        int requests = pncp.requests().size();

        Finished second = search("\"ES\",\"MG\"", "[6]", older);
        assertEquals("indice", second.result().getString("fonte"));
        assertEquals(first.licitacoes(), second.licitacoes());
        assertEquals(requests, pncp.requests().size());
    }

    @Test
    @Order(3)
    void abertasAgoraFindsExactlyTheIndexedNoticesWhoseDeadlineIsAheadWhateverTheirPublicationDay() throws Exception {
        String sector = ",\"setor_id\":\"engenharia\",\"status\":\"recebendo_proposta\"";
        int requests = pncp.requests().size();
        Finished open = search(UFS, "[4,5,6]", "\"somente_abertas\":true" + sector);
        LocalDateTime now = LocalDateTime.now(BRASILIA);
        assertEquals("complete", open.stage(), open.result().toString());
        assertEquals("indice", open.result().getString("fonte"));
        assertEquals(requests, pncp.requests().size(), "answered from the index only");
        for (JsonValue v : open.licitacoes()) {
            String deadline = v.asJsonObject().getString("data_encerramento");
            assertTrue(LocalDateTime.parse(deadline).isAfter(now.minusMinutes(5)), deadline);
        }

        // What the live path keeps as still receiving proposals over everything the index holds.
        Set<String> expected =
                ids(search(UFS, "[4,5,6]", dates(TODAY.minusDays(199), TODAY) + sector + ",\"fonte\":\"pncp\"")
                        .licitacoes());
        expected.addAll(ids(search(
                        "\"ES\",\"MG\"",
                        "[6]",
                        dates(TODAY.minusDays(380), TODAY.minusDays(200)) + sector + ",\"fonte\":\"pncp\"")
                .licitacoes()));
        assertFalse(expected.isEmpty());
        assertEquals(expected, ids(open.licitacoes()));

        HttpResponse<String> live =
                post("{\"ufs\":[" + UFS + "],\"modalidades\":[6],\"somente_abertas\":true," + "\"fonte\":\"pncp\"}");
        assertEquals(422, live.statusCode());
        assertTrue(json(live.body()).getJsonObject("campos").containsKey("fonte"), live.body());
    }

    @Test
    @Order(4)
    void withTheDatabaseDownAutoGoesLiveAndIndiceEndsWithAClearError() throws Exception {
        String range = dates(TODAY.minusDays(150), TODAY) + ",\"setor_id\":\"engenharia\"";
        Finished before = search(UFS, "[4,5,6]", range);
        assertEquals("indice", before.result().getString("fonte"));
        database.cut();
        try {
            Finished live = search(UFS, "[4,5,6]", range);
            assertEquals("complete", live.stage());
            assertEquals("pncp", live.result().getString("fonte"));
            assertEquals("índice local indisponível", live.result().getString("fonte_motivo"));
            assertEquals(before.licitacoes(), live.licitacoes());

            Finished forced = search(UFS, "[4,5,6]", range + ",\"fonte\":\"indice\"");
            assertEquals("error", forced.stage());
            assertTrue(forced.message().contains("índice local está indisponível"), forced.message());
            Finished open = search(UFS, "[6]", "\"somente_abertas\":true,\"setor_id\":\"engenharia\"");
            assertEquals("error", open.stage());
            assertTrue(open.message().contains("Abertas agora"), open.message());
        } finally {
            database.restore();
        }
        // Back up: the index answers again, without a restart.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() ->
                        "indice".equals(search(UFS, "[4,5,6]", range).result().getString("fonte", null)));
    }

    // ---------- helpers ----------

    record Finished(String stage, String message, JsonObject end, List<String> stages, JsonObject result) {
        JsonArray licitacoes() {
            return result.getJsonArray("licitacoes");
        }
    }

    static Finished search(String ufs, String modalidades, String rest) throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> accepted = post("{\"search_id\":\"" + id + "\",\"ufs\":[" + ufs + "],\"modalidades\":"
                + modalidades + "," + rest + "}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        SseClient.Stream_ stream = SseClient.read(
                URI.create(node + "/api/buscar/" + id + "/events"), null, Duration.ofSeconds(120), e -> false);
        List<JsonObject> events =
                stream.events().stream().map(e -> json(e.data())).toList();
        JsonObject last = events.get(events.size() - 1);
        JsonObject body = json(get("/api/buscar/" + id).body());
        JsonObject result =
                body.containsKey("resultado") && body.get("resultado").getValueType() == JsonValue.ValueType.OBJECT
                        ? body.getJsonObject("resultado")
                        : body;
        return new Finished(
                last.getString("stage"),
                last.getString("message", ""),
                last.containsKey("detail") ? last.getJsonObject("detail") : JsonValue.EMPTY_JSON_OBJECT,
                events.stream().map(e -> e.getString("stage")).toList(),
                result);
    }

    static String dates(LocalDate from, LocalDate to) {
        return "\"data_inicial\":\"" + from + "\",\"data_final\":\"" + to + "\"";
    }

    static Set<String> ids(JsonArray licitacoes) {
        Set<String> ids = new TreeSet<>();
        for (JsonValue v : licitacoes) {
            ids.add(v.asJsonObject().getString("pncp_id"));
        }
        return ids;
    }

    static long unitsDone() throws Exception {
        return json(get("/api/indice").body())
                .getJsonObject("cobertura")
                .getJsonNumber("unidades_concluidas")
                .longValue();
    }

    static HttpResponse<String> post(String body) throws Exception {
        return new ApiClient(node).search(body);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return new ApiClient(node).get(path);
    }

    static JsonObject json(String s) {
        return ApiClient.json(s);
    }
}
