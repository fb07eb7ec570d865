package br.com.bidiq.pncp.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.pncp.entity.FetchUnit;
import br.com.bidiq.pncp.entity.PncpPage;
import br.com.bidiq.testing.FakePncpServer.SampleFiles;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PncpClientTest {

    static WireMockServer pncp;
    static ExecutorService executor;
    static final String PATH = "/v1/contratacoes/publicacao";
    static final FetchUnit SC_MOD4 = new FetchUnit("SC", 4, LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 12));

    @BeforeAll
    static void start() {
        pncp = new WireMockServer(wireMockConfig().dynamicPort());
        pncp.start();
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        pncp.stop();
        executor.shutdownNow();
    }

    @BeforeEach
    void reset() {
        pncp.resetAll();
    }

    PncpClient client(Duration timeout, Duration maxRetryAfter) {
        PncpSettings settings = PncpSettings.defaults(pncp.baseUrl())
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100), maxRetryAfter)
                .withRequestTimeout(timeout);
        RetryPolicy retry = new RetryPolicy(
                settings.initialBackoff(), settings.maxBackoff(), settings.maxRetryAfter(), Clock.systemUTC());
        return new PncpClient(PncpClient.newHttpClient(settings, executor), settings, retry, executor);
    }

    PncpClient client() {
        return client(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    PncpPage fetch(PncpClient client) {
        return client.fetchPage(SC_MOD4, 1, List.of(new RequestGate(10, executor)))
                .join();
    }

    PncpFetchException failure(PncpClient client) {
        CompletionException e = assertThrows(CompletionException.class, () -> fetch(client));
        return assertInstanceOf(PncpFetchException.class, e.getCause());
    }

    @Test
    void sendsThePncpParametersAndReadsTheRealEnvelope() {
        pncp.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(SampleFiles.text("publicacao-SC-mod4-20260210_20260312-p1.json"))));

        PncpPage page = fetch(client());

        assertEquals(50, page.records().size());
        assertEquals(664, page.totalRegistros());
        assertEquals(14, page.totalPaginas());
        assertEquals(13, page.paginasRestantes());
        pncp.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("dataInicial", com.github.tomakehurst.wiremock.client.WireMock.equalTo("20260210"))
                .withQueryParam("dataFinal", com.github.tomakehurst.wiremock.client.WireMock.equalTo("20260312"))
                .withQueryParam(
                        "codigoModalidadeContratacao", com.github.tomakehurst.wiremock.client.WireMock.equalTo("4"))
                .withQueryParam("uf", com.github.tomakehurst.wiremock.client.WireMock.equalTo("SC"))
                .withQueryParam("pagina", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .withQueryParam("tamanhoPagina", com.github.tomakehurst.wiremock.client.WireMock.equalTo("50")));
    }

    @Test
    void a204IsAnEmptyPage() {
        pncp.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(204).withHeader("Content-Type", "application/json")));

        PncpPage page = fetch(client());

        assertTrue(page.records().isEmpty());
        assertEquals(0, page.paginasRestantes());
        assertEquals(1, pncp.getAllServeEvents().size());
    }

    @Test
    void a429HtmlPageIsRetriedAfterItsRetryAfterSeconds() {
        stubOnceThenOk(aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "text/html")
                .withHeader("Retry-After", "1")
                .withBody("<html><head><title>Limite de Requisições Excedido</title></head><body><h2>Limite de "
                        + "requisições excedido</h2></body></html>"));

        long start = System.nanoTime();
        PncpPage page = fetch(client());
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertEquals(50, page.records().size());
        assertEquals(2, pncp.getAllServeEvents().size());
        assertTrue(elapsed >= 950, "waited only " + elapsed + " ms");
    }

    @Test
    void retryAfterIsCappedAndMayBeAnHttpDate() {
        String inAMinute = ZonedDateTime.now(java.time.ZoneOffset.UTC)
                .plusSeconds(60)
                .format(DateTimeFormatter.RFC_1123_DATE_TIME);
        stubOnceThenOk(
                aResponse().withStatus(503).withHeader("Retry-After", inAMinute).withBody("busy"));

        long start = System.nanoTime();
        PncpPage page = fetch(client(Duration.ofSeconds(5), Duration.ofMillis(300)));
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertEquals(50, page.records().size());
        assertTrue(elapsed >= 280 && elapsed < 5000, "elapsed " + elapsed);
    }

    @Test
    void aPersistent500WithPlainTextBodyFailsAfterFourAttemptsWithItsReason() {
        pncp.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("Erro na comunicação com o banco de dados.")));

        PncpFetchException e = failure(client());

        assertEquals(4, e.attempts());
        assertEquals(4, pncp.getAllServeEvents().size());
        assertTrue(e.getMessage().contains("HTTP 500: Erro na comunicação com o banco de dados."), e.getMessage());
        assertTrue(e.getMessage().contains("4 tentativas"), e.getMessage());
    }

    @Test
    void aTimeoutIsRetriedAndThenReported() {
        pncp.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(200).withFixedDelay(1500).withBody("{}")));

        PncpFetchException e = failure(client(Duration.ofMillis(200), Duration.ofSeconds(1)));

        assertEquals(4, e.attempts());
        assertTrue(e.getMessage().startsWith("tempo esgotado"), e.getMessage());
    }

    @Test
    void aTimeoutFollowedBySuccessRecovers() {
        pncp.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(1500).withBody("{}"))
                .willSetStateTo("fast"));
        pncp.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("slow")
                .whenScenarioStateIs("fast")
                .willReturn(okSample()));

        assertEquals(
                50,
                fetch(client(Duration.ofMillis(300), Duration.ofSeconds(1)))
                        .records()
                        .size());
    }

    @Test
    void clientErrorsAreNotRetriedAndKeepPncpsMessage() {
        pncp.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(SampleFiles.text("error-400-publicacao-SP-sem-modalidade.json"))));

        PncpFetchException e = failure(client());

        assertEquals(1, pncp.getAllServeEvents().size());
        assertTrue(e.getMessage().startsWith("HTTP 400: Required request parameter"), e.getMessage());
    }

    @Test
    void aNonJsonOkIsRetried() {
        stubOnceThenOk(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("<html>manutenção</html>"));

        assertEquals(50, fetch(client()).records().size());
        assertEquals(2, pncp.getAllServeEvents().size());
    }

    @Test
    void aClosedPortIsAConnectionFailure() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PncpSettings settings = PncpSettings.defaults("http://127.0.0.1:" + port)
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1));
        PncpClient client = new PncpClient(
                PncpClient.newHttpClient(settings, executor),
                settings,
                new RetryPolicy(
                        settings.initialBackoff(), settings.maxBackoff(), settings.maxRetryAfter(), Clock.systemUTC()),
                executor);

        PncpFetchException e = failure(client);

        assertEquals(4, e.attempts());
        assertTrue(e.getMessage().contains("conexão") || e.getMessage().contains("comunicação"), e.getMessage());
    }

    private void stubOnceThenOk(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        pncp.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first)
                .willSetStateTo("ok"));
        pncp.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("once")
                .whenScenarioStateIs("ok")
                .willReturn(okSample()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okSample() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(SampleFiles.text("publicacao-SC-mod4-20260210_20260312-p1.json"));
    }
}
