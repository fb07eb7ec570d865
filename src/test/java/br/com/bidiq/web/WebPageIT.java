package br.com.bidiq.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.testing.Deployments;
import br.com.bidiq.testing.FakePncpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
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
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser (Debian's Chromium, headless) against the app on Liberty and a fake PNCP: every state
 * an analyst meets (form, progress, results, PNCP down, partial failure, cancel, reload, phone), each checked with
 * axe-core (no serious or critical violation) and saved as a screenshot under target/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageIT {

    static final List<String> ALL_UFS = List.of(
            "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR", "PE", "PI",
            "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));

    static FakePncpServer pncp;
    static ChromeDriver browser;
    static Path downloads;
    static String axe;
    final HttpClient http = HttpClient.newHttpClient();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bidiqWar();
    }

    @BeforeAll
    static void start() throws Exception {
        pncp = new FakePncpServer(withUndisclosedValues(FakePncpServer.sampleRecords()), 18089);
        downloads =
                Files.createDirectories(Path.of("target", "browser-downloads").toAbsolutePath());
        try (var in = WebPageIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(Objects.requireNonNull(in, "axe-core webjar").readAllBytes(), StandardCharsets.UTF_8);
        }
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1366,1800",
                "--lang=pt-BR",
                "--user-data-dir=" + Files.createTempDirectory("bidiq-chromium"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("intl.accept_languages", "pt-BR");
        options.setExperimentalOption("prefs", prefs);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        browser = new ChromeDriver(options);
        browser.executeCdpCommand("Network.enable", Map.of());
    }

    /** Every third record's value undisclosed, as PNCP sends it (0): such notices must never count as R$ 0,00. */
    static List<JsonObject> withUndisclosedValues(List<JsonObject> records) {
        List<JsonObject> out = new java.util.ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            out.add(
                    i % 3 == 0
                            ? Json.createObjectBuilder(records.get(i))
                                    .add("valorTotalEstimado", 0)
                                    .build()
                            : records.get(i));
        }
        return out;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        pncp.close();
    }

    @BeforeEach
    void freshPncp() {
        pncp.reset();
        pncp.latency(100);
    }

    @AfterEach
    void desktop() {
        // The page's console, for whoever reads a failure: JavaScript errors show up here.
        List<String> refused = new java.util.ArrayList<>();
        browser.manage()
                .logs()
                .get(org.openqa.selenium.logging.LogType.BROWSER)
                .getAll()
                .forEach(e -> {
                    System.out.println("[browser] " + e.getLevel() + " " + e.getMessage());
                    if (e.getMessage().contains("Content Security Policy")) {
                        refused.add(e.getMessage());
                    }
                });
        browser.manage().window().setSize(new Dimension(1366, 1800));
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        // The page works under its Content-Security-Policy: nothing it needs is refused.
        assertEquals(List.of(), refused, "refused by the Content-Security-Policy");
    }

    // ---------- helpers ----------

    WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    void setDate(String id, String value) {
        js(
                "document.getElementById(arguments[0]).value = arguments[1];"
                        + "document.getElementById(arguments[0]).dispatchEvent(new Event('change'))",
                id,
                value);
    }

    void screenshot(String name) throws Exception {
        Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The page with nothing remembered: no ?busca and an empty sessionStorage, lists loaded. */
    void openPage() {
        // Cleared from a page of the same origin that runs no script: the app itself would resume and remember.
        browser.get(base + "favicon.svg");
        js("sessionStorage.clear()");
        browser.get(base.toString());
        waitForLists();
    }

    void waitForLists() {
        waiting(20)
                .until(d -> d.findElements(By.cssSelector("#setor_id option[value='engenharia']"))
                                .size()
                        == 1);
        waiting(20)
                .until(d -> d.findElements(By.cssSelector("input[name='modalidade']"))
                                .size()
                        == 14);
    }

    void chooseUfs(List<String> ufs) {
        browser.findElement(By.id("uf-none")).click();
        for (String uf : ufs) {
            browser.findElement(By.cssSelector(".uf[data-uf='" + uf + "']")).click();
        }
    }

    void chooseModalidades(int... codes) {
        for (WebElement box : browser.findElements(By.cssSelector("input[name='modalidade']"))) {
            int code = Integer.parseInt(box.getAttribute("value"));
            boolean wanted = java.util.Arrays.stream(codes).anyMatch(c -> c == code);
            if (box.isSelected() != wanted) {
                box.click();
            }
        }
    }

    /** Live search (PNCP), any status, sector engenharia: the sample records' range. */
    void liveForm(List<String> ufs, String from, String to, int... modalidades) {
        chooseUfs(ufs);
        setDate("data_inicial", from);
        setDate("data_final", to);
        new Select(browser.findElement(By.id("setor_id"))).selectByValue("engenharia");
        new Select(browser.findElement(By.id("status"))).selectByValue("todos");
        new Select(browser.findElement(By.id("fonte"))).selectByValue("pncp");
        chooseModalidades(modalidades);
    }

    void waitForResults() {
        waiting(120).until(d -> d.findElement(By.id("results")).isDisplayed());
    }

    String searchIdInUrl() {
        String url = browser.getCurrentUrl();
        int at = url.indexOf("busca=");
        assertTrue(at > 0, "no ?busca= in " + url);
        return url.substring(at + 6, at + 6 + 36);
    }

    JsonObject getJson(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(new URL(base, path).toURI()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    /** axe-core on the page as it is now: no serious or critical violation. */
    void accessible(String state) {
        js(axe);
        Object out = ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                        + " 'best-practice']}}).then(r => done(JSON.stringify(r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))))"
                        + ".catch(e => done('axe failed: ' + e));");
        assertEquals("[]", String.valueOf(out), "axe-core, " + state);
    }

    // ---------- the states ----------

    @Test
    @Order(1)
    void formDefaultsValidationAndAccessibility() throws Exception {
        openPage();
        assertEquals(27, browser.findElements(By.cssSelector(".uf")).size());
        // The header promises open tenders: the default situação says the same; the last 7 days by default.
        assertEquals(
                "recebendo_proposta",
                new Select(browser.findElement(By.id("status")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
        assertEquals(TODAY.toString(), browser.findElement(By.id("data_final")).getAttribute("value"));
        assertEquals(
                TODAY.minusDays(6).toString(),
                browser.findElement(By.id("data_inicial")).getAttribute("value"));
        browser.findElement(By.cssSelector(".preset[data-days='30']")).click();
        assertEquals(
                TODAY.minusDays(29).toString(),
                browser.findElement(By.id("data_inicial")).getAttribute("value"));
        assertEquals(
                "true",
                browser.findElement(By.cssSelector(".preset[data-days='30']")).getAttribute("aria-pressed"));
        assertFalse(browser.findElements(By.cssSelector("link[rel='icon']")).isEmpty());
        assertEquals(
                "Pular para o conteúdo",
                browser.findElement(By.cssSelector(".skip-link")).getAttribute("textContent"));
        accessible("form");
        screenshot("webpage-form.png");

        // Client-side errors next to their fields, marked invalid, the first one focused; nothing sent.
        setDate("data_inicial", TODAY.minusDays(2).toString());
        setDate("data_final", TODAY.plusDays(3).toString());
        browser.findElement(By.id("valor_minimo")).sendKeys("1.50.0");
        browser.findElement(By.id("buscar")).click();
        WebElement dateError = browser.findElement(By.cssSelector("[data-error-for='data_final']"));
        waiting(5).until(d -> !dateError.getText().isEmpty());
        assertTrue(dateError.getText().startsWith("A data final não pode estar no futuro"), dateError.getText());
        assertEquals("true", browser.findElement(By.id("data_final")).getAttribute("aria-invalid"));
        assertTrue(browser.findElement(By.id("data_final"))
                .getAttribute("aria-describedby")
                .contains("error-data_final"));
        assertEquals(
                "Valor inválido: use o formato 1.500,00",
                browser.findElement(By.cssSelector("[data-error-for='valor_minimo']"))
                        .getText());
        assertEquals("data_final", js("return document.activeElement.id"));
        browser.findElement(By.id("valor_minimo")).clear();
        setDate("data_final", TODAY.toString());
        browser.findElement(By.id("uf-none")).click();
        browser.findElement(By.id("buscar")).click();
        assertEquals(
                "Selecione ao menos uma UF",
                browser.findElement(By.cssSelector("[data-error-for='ufs']")).getText());
        accessible("form with errors");
        screenshot("webpage-form-errors.png");
        assertEquals(0, pncp.requests().size());
    }

    @Test
    @Order(2)
    void listsThatFailToLoadSaySoAndRetry() throws Exception {
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*api/setores*")));
        browser.get(base.toString());
        WebElement box = waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("load-error")));
        assertTrue(box.getText().startsWith("Não foi possível carregar os setores do servidor"), box.getText());
        assertFalse(browser.findElement(By.id("buscar")).isEnabled(), "no search without the sectors");
        screenshot("webpage-lists-failed.png");
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        browser.findElement(By.id("reload-lists")).click();
        waitForLists();
        waiting(10).until(d -> !d.findElement(By.id("load-error")).isDisplayed());
        assertTrue(browser.findElement(By.id("buscar")).isEnabled());

        // No connection to the server: Portuguese, not "Failed to fetch".
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*api/buscar*")));
        liveForm(List.of("SC"), "2026-02-10", "2026-03-12", 6);
        browser.findElement(By.id("buscar")).click();
        WebElement failure = waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("failure")));
        assertTrue(failure.getText().contains("Sem conexão com o servidor"), failure.getText());
        assertFalse(failure.getText().contains("Failed to fetch"));
    }

    @Test
    @Order(3)
    void searchSeeSortHighlightAndDownload() throws Exception {
        openPage();
        liveForm(List.of("SC", "SP"), "2026-02-10", "2026-03-12", 4, 5, 6);
        browser.findElement(By.id("buscar")).click();

        // The form folds into one line; the progress takes the focus.
        WebElement progress = waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("progress")));
        assertFalse(browser.findElement(By.id("search-form")).isDisplayed());
        String criteria = browser.findElement(By.id("criteria-text")).getText();
        assertTrue(
                criteria.startsWith("SC, SP · ") && criteria.contains("Engenharia") && criteria.contains("10/02/2026"),
                criteria);
        assertEquals("stage-text", js("return document.activeElement.id"));
        assertEquals(
                "Progresso da busca",
                browser.findElement(By.cssSelector(".bar")).getAttribute("aria-label"));
        accessible("progress");
        screenshot("webpage-progress.png");

        waitForResults();
        assertEquals("100", browser.findElement(By.cssSelector(".bar")).getAttribute("aria-valuenow"));
        assertEquals("100%", progress.findElement(By.id("progress-pct")).getText());
        assertEquals("2/2 estados", browser.findElement(By.id("ufs-done")).getText());
        waiting(5).until(d -> "summary".equals(js("return document.activeElement.id")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#results-table tbody tr"));
        assertTrue(rows.size() > 10, "rows: " + rows.size());
        String summary = browser.findElement(By.id("summary")).getText();
        assertTrue(summary.contains("oportunidades") && summary.contains("R$"), summary);
        assertTrue(browser.findElement(By.id("results-criteria")).getText().contains("Engenharia"));
        String source = browser.findElement(By.id("source-info")).getText();
        assertTrue(source.contains("Fonte: PNCP, consulta ao vivo"), source);
        assertTrue(source.contains("Dados do PNCP atualizados há"), source);

        // Why each row is there: its matched terms, marked in the object.
        assertFalse(browser.findElements(By.cssSelector("#results-table tbody mark"))
                .isEmpty());
        assertTrue(rows.get(0).findElement(By.cssSelector(".matched")).getText().startsWith("Termos encontrados"));
        // The inferred status as a badge, and the edital link says what it opens.
        assertTrue(rows.get(0)
                .findElement(By.cssSelector(".badge"))
                .getText()
                .matches("Recebendo propostas|Em julgamento|Encerrada"));
        assertEquals(
                "Abrir edital no PNCP (abre em nova aba)",
                rows.get(0).findElement(By.cssSelector("a.edital")).getAttribute("textContent"));

        // Undisclosed values: the API sends null; the page says so and leaves them out of the total.
        String id = searchIdInUrl();
        JsonObject result = getJson("api/buscar/" + id).getJsonObject("resultado");
        JsonArray items = result.getJsonArray("licitacoes");
        BigDecimal disclosed = BigDecimal.ZERO;
        int undisclosed = 0;
        for (JsonValue v : items) {
            JsonObject l = v.asJsonObject();
            if (!l.containsKey("valor") || l.isNull("valor")) {
                undisclosed++;
            } else {
                disclosed = disclosed.add(l.getJsonNumber("valor").bigDecimalValue());
            }
        }
        JsonObject resumo = result.getJsonObject("resumo");
        assertEquals(0, disclosed.compareTo(resumo.getJsonNumber("valor_total").bigDecimalValue()));
        assertEquals(undisclosed, resumo.getInt("sem_valor"));
        assertTrue(undisclosed > 0, "the sample has notices with valorTotalEstimado 0");
        assertTrue(summary.contains("fora do total"), summary);

        // One way to sort: the column header and the "Ordenar por" select agree.
        WebElement valueHeader = browser.findElement(By.cssSelector("th[data-sort='valor']"));
        valueHeader.findElement(By.tagName("button")).click();
        assertEquals("descending", valueHeader.getAttribute("aria-sort"));
        assertEquals(
                "valor_desc",
                new Select(browser.findElement(By.id("ordenar-resultados")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
        String firstValue = browser.findElement(By.cssSelector("#results-table tbody tr td.num"))
                .getAttribute("textContent");
        assertTrue(firstValue.startsWith("R$\u00a0"), "R$ never breaks from its number: " + firstValue);
        new Select(browser.findElement(By.id("ordenar-resultados"))).selectByValue("prazo_asc");
        assertEquals(
                "ascending",
                browser.findElement(By.cssSelector("th[data-sort='data_encerramento']"))
                        .getAttribute("aria-sort"));
        assertEquals("none", valueHeader.getAttribute("aria-sort"));
        new Select(browser.findElement(By.id("ordenar-resultados"))).selectByValue("valor_asc");
        List<WebElement> undisclosedCells = browser.findElements(By.cssSelector("#results-table .undisclosed"));
        if (items.size() <= 25) {
            assertFalse(undisclosedCells.isEmpty());
        }

        // Paging goes back to the top of the table.
        if (browser.findElement(By.id("next-page")).isEnabled()) {
            js("window.scrollTo(0, document.body.scrollHeight)");
            browser.findElement(By.id("next-page")).click();
            Number top = (Number) js("return document.getElementById('results-title').getBoundingClientRect().top");
            assertTrue(top.doubleValue() >= -1 && top.doubleValue() < 200, "table top at " + top);
            assertTrue(browser.findElement(By.id("page-info")).getText().startsWith("Página 2"));
        }
        accessible("results");
        screenshot("webpage.png");

        WebElement download = browser.findElement(By.id("download"));
        assertTrue(download.isDisplayed());
        assertTrue(download.getAttribute("href").contains("api/download/"));
        download.click();
        Path file = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            try (var files = Files.list(downloads)) {
                                return files.filter(p -> p.toString().endsWith(".xlsx"))
                                        .findFirst()
                                        .orElse(null);
                            }
                        },
                        Objects::nonNull);
        byte[] head = Files.readAllBytes(file);
        assertEquals('P', head[0]);
        assertEquals('K', head[1]);
        assertTrue(file.getFileName().toString().startsWith("BidIQ_Engenharia"));

        // A shared link shows the same result in a fresh page.
        int shown =
                browser.findElements(By.cssSelector("#results-table tbody tr")).size();
        js("sessionStorage.clear()");
        browser.get(base + "?busca=" + id);
        waitForResults();
        assertEquals(
                "Resultados (" + items.size() + ")",
                browser.findElement(By.id("results-title")).getText());
        assertEquals(
                shown,
                browser.findElements(By.cssSelector("#results-table tbody tr")).size());
        assertTrue(browser.findElement(By.id("criteria-text")).getText().contains("SC, SP"));
        assertEquals("2/2 estados", browser.findElement(By.id("ufs-done")).getText());

        // The phone: cards, no sideways scrolling, tap targets of at least 44 px.
        browser.manage().window().setSize(new Dimension(390, 844));
        waiting(5)
                .until(d -> "block"
                        .equals(js("return getComputedStyle(document.querySelector("
                                + "'#results-table tbody tr')).display")));
        Number width = (Number) js("return document.documentElement.scrollWidth");
        assertTrue(width.intValue() <= 390, "page width on the phone: " + width);
        Object small = js("return [...document.querySelectorAll('button, select, input[type=text], input[type=date],"
                + " a.button, a.edital')].filter(e => e.offsetParent !== null).map(e => [e, e.getBoundingClientRect()])"
                + ".filter(([e, r]) => r.height < 44 || (r.width < 44 && !e.classList.contains('more')))"
                + ".map(([e, r]) => (e.id || e.className || e.tagName) + ' ' + Math.round(r.width) + 'x'"
                + " + Math.round(r.height)).slice(0, 10)");
        assertEquals("[]", String.valueOf(small), "tap targets under 44 px");
        accessible("results on the phone");
        screenshot("webpage-phone.png");
    }

    @Test
    @Order(4)
    void customTermsNameTheSearchAndAnEmptyResultOffersNoOldFile() throws Exception {
        openPage();
        liveForm(List.of("SC"), "2026-02-10", "2026-03-12", 4, 5, 6);
        browser.findElement(By.id("buscar")).click();
        waitForResults();
        WebElement download = browser.findElement(By.id("download"));
        assertTrue(download.isDisplayed());

        // Now terms that match nothing: the switch says terms, the chips show them.
        browser.findElement(By.id("edit-search")).click();
        browser.findElement(By.cssSelector("input[name='modo'][value='termos']"))
                .click();
        assertFalse(browser.findElement(By.id("setor_id")).isDisplayed(), "the sector is not what applies");
        WebElement input = browser.findElement(By.id("termo-input"));
        input.sendKeys("zeppelins dirigíveis,");
        input.sendKeys("balões\n");
        assertEquals(
                2, browser.findElements(By.cssSelector("#term-chips .chip")).size());
        accessible("form with terms");
        browser.findElement(By.id("buscar")).click();
        waiting(60)
                .until(d -> d.findElement(By.id("results")).isDisplayed()
                        && d.findElement(By.id("results-title")).getText().equals("Resultados (0)"));
        String summary = browser.findElement(By.id("summary")).getText();
        assertTrue(summary.contains("com os termos “zeppelins dirigíveis, balões”"), summary);
        assertFalse(summary.contains("Engenharia"), summary);
        assertTrue(
                browser.findElement(By.id("criteria-text")).getText().contains("termos: zeppelins dirigíveis, balões"));
        // Nothing found: no download, and certainly not the previous search's file.
        assertFalse(download.isDisplayed());
        assertNull(download.getAttribute("href"));
        // And why: the breakdown of what the filters left out.
        WebElement why = browser.findElement(By.id("filter-breakdown"));
        assertTrue(why.isDisplayed());
        assertTrue(why.getText().contains("sem palavras do setor ou dos termos"), why.getText());
        accessible("empty result");
        screenshot("webpage-empty.png");
    }

    @Test
    @Order(5)
    void moneyTypedTheBrazilianWayReachesTheServerAsItsValue() throws Exception {
        openPage();
        liveForm(List.of("SC"), "2026-02-10", "2026-03-12", 6);
        WebElement min = browser.findElement(By.id("valor_minimo"));
        min.sendKeys("1.500,00");
        browser.findElement(By.id("valor_maximo")).sendKeys("2500000");
        browser.findElement(By.id("status")).click(); // leaves the field: it shows what it understood
        assertEquals("2.500.000,00", browser.findElement(By.id("valor_maximo")).getAttribute("value"));
        browser.findElement(By.id("buscar")).click();
        waitForResults();
        JsonObject pedido = getJson("api/buscar/" + searchIdInUrl()).getJsonObject("pedido");
        assertEquals(
                0,
                new BigDecimal("1500.00")
                        .compareTo(pedido.getJsonNumber("valor_minimo").bigDecimalValue()));
        assertEquals(
                0,
                new BigDecimal("2500000")
                        .compareTo(pedido.getJsonNumber("valor_maximo").bigDecimalValue()));
        String criteria = browser.findElement(By.id("criteria-text")).getAttribute("textContent");
        assertTrue(criteria.contains("a partir de R$\u00a01.500,00"), criteria);
    }

    @Test
    @Order(6)
    void pncpUnreachableIsAnErrorNotZeroTenders() throws Exception {
        FakePncpServer.Fault down = new FakePncpServer.Fault(503, "text/html", "<html>fora do ar</html>", Map.of(), 0);
        pncp.fault("SC", down);
        pncp.fault("SP", down);
        openPage();
        liveForm(List.of("SC", "SP"), "2026-02-11", "2026-03-12", 4, 5, 6); // one 30-day window
        browser.findElement(By.id("buscar")).click();
        WebElement failure = waiting(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("failure")));
        assertEquals(
                "Não foi possível consultar o PNCP",
                browser.findElement(By.id("failure-title")).getText());
        assertTrue(
                failure.getText().contains("Não foi possível consultar o PNCP: as 6 consultas falharam"),
                failure.getText());
        assertTrue(
                failure.getText()
                        .contains("SC: modalidades 4 · Concorrência - Eletrônica, 5 · Concorrência - Presencial,"
                                + " 6 · Pregão - Eletrônico"),
                failure.getText());
        assertTrue(browser.findElement(By.id("retry")).isDisplayed());
        assertFalse(browser.findElement(By.id("results")).isDisplayed(), "no zero headline");
        assertFalse(browser.findElement(By.id("progress")).isDisplayed(), "no green 100 % bar");
        assertFalse(browser.findElement(By.id("download")).isDisplayed());
        assertEquals("failure-title", js("return document.activeElement.id"));
        accessible("PNCP unreachable");
        screenshot("webpage-pncp-down.png");

        // Some units failing: the warning comes first, above the headline, naming what failed.
        pncp.clearFaults();
        pncp.fault("SP", down);
        browser.findElement(By.id("retry")).click();
        waitForResults();
        WebElement warning = browser.findElement(By.id("failed-units"));
        assertTrue(warning.isDisplayed());
        assertTrue(warning.getText().startsWith("Resultado parcial: 3 consultas ao PNCP falharam"), warning.getText());
        assertTrue(warning.getText().contains("SP: modalidades 4 · "), warning.getText());
        assertFalse(warning.getText().contains("SC:"), warning.getText());
        assertFalse(
                browser.findElements(By.cssSelector("#results-table tbody tr:not(:has(td.empty))"))
                        .isEmpty(),
                "SC's notices are listed");
        Number warnTop = (Number) js("return document.getElementById('failed-units').getBoundingClientRect().top");
        Number headTop = (Number) js("return document.querySelector('#summary .total').getBoundingClientRect().top");
        assertTrue(warnTop.doubleValue() < headTop.doubleValue(), "warning above the headline");
        assertTrue(browser.findElement(By.id("summary")).getText().contains("resultado parcial"));
        accessible("partial result");
        screenshot("webpage-partial.png");
    }

    @Test
    @Order(7)
    void reloadMidSearchResumesAndEndsAtOneHundredPercent() throws Exception {
        pncp.latency(250);
        openPage();
        liveForm(ALL_UFS.subList(0, 12), "2026-01-01", "2026-03-12", 4, 5, 6);
        browser.findElement(By.id("buscar")).click();
        waiting(30).until(d -> {
            String v = d.findElement(By.cssSelector(".bar")).getAttribute("aria-valuenow");
            return v != null && Integer.parseInt(v) > 10;
        });
        String id = searchIdInUrl();
        assertEquals(id, js("return JSON.parse(sessionStorage.getItem('bidiq.busca')).id"));
        browser.navigate().refresh();
        waiting(10).until(d -> d.findElement(By.id("progress")).isDisplayed());
        assertEquals(id, searchIdInUrl());
        waitForResults();
        assertEquals("100", browser.findElement(By.cssSelector(".bar")).getAttribute("aria-valuenow"));
        assertEquals(id, searchIdInUrl());
        assertTrue(
                browser.findElements(By.cssSelector("#results-table tbody tr")).size() > 0);
        screenshot("webpage-resumed.png");
    }

    @Test
    @Order(8)
    void cancelStopsPncpRequestsAndEndsTheStream() throws Exception {
        pncp.latency(300);
        openPage();
        liveForm(ALL_UFS, "2026-01-01", "2026-03-12", 4, 5, 6);
        browser.findElement(By.id("buscar")).click();
        waiting(30).until(d -> pncp.requests().size() >= 10);
        String id = searchIdInUrl();
        browser.findElement(By.id("cancel")).click();
        WebElement failure = waiting(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("failure")));
        assertEquals(
                "Busca cancelada", browser.findElement(By.id("failure-title")).getText());
        assertEquals("Buscar de novo", browser.findElement(By.id("retry")).getText());
        int afterCancel = pncp.requests().size();
        int planned = ALL_UFS.size() * 3 * 3;
        assertTrue(afterCancel < planned / 2, "requests " + afterCancel + " of " + planned);
        // No request leaves after the stream ended.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> pncp.requests().size() == afterCancel);
        JsonObject view = getJson("api/buscar/" + id);
        assertEquals("cancelled", view.getString("status"));
        assertEquals("cancelled", view.getJsonObject("progresso").getString("stage"));
        // DELETE again: idempotent, the search stays as it is.
        HttpResponse<String> again = http.send(
                HttpRequest.newBuilder(URI.create(base + "api/buscar/" + id))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, again.statusCode(), again.body());
        accessible("cancelled");
        screenshot("webpage-cancelled.png");
        assertTrue(failure.isDisplayed());
    }

    @Test
    @Order(9)
    void openNowAnswersFromTheIndexInOneClick() throws Exception {
        openPage();
        liveForm(List.of("SC", "SP"), "2026-02-10", "2026-03-12", 4, 5, 6);
        // The live searches above filled the index in the background.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> getJson("api/indice").toString().contains("\"SC\":"));
        int requests = pncp.requests().size();
        browser.findElement(By.id("abertas-agora")).click();
        waiting(60)
                .until(d -> !d.findElements(By.cssSelector("#source-info[data-fonte='indice']"))
                                .isEmpty()
                        && d.findElement(By.id("results")).isDisplayed());
        String indexed = browser.findElement(By.id("source-info")).getText();
        assertTrue(indexed.contains("Fonte: índice local do PNCP"), indexed);
        assertTrue(indexed.matches("(?s).*Dados do PNCP atualizados há (menos de 1|\\d+) min.*"), indexed);
        assertTrue(browser.findElement(By.id("criteria-text")).getText().contains("abertas agora"));
        assertEquals(requests, pncp.requests().size(), "abertas agora makes no PNCP request");
        if (browser.findElements(By.cssSelector("#results-table tbody tr td.empty"))
                        .size()
                == 1) {
            assertFalse(browser.findElement(By.id("download")).isDisplayed());
            assertNull(browser.findElement(By.id("download")).getAttribute("href"));
        }
        screenshot("webpage-abertas-agora.png");
    }
}
