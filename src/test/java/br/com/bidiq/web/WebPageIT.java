package br.com.bidiq.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.testing.Deployments;
import br.com.bidiq.testing.FakePncpServer;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page in a real browser (Debian's Chromium, headless) against the app on Liberty and a fake PNCP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebPageIT {

    static FakePncpServer pncp;
    static WebDriver browser;
    static Path downloads;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bidiqWar();
    }

    @BeforeAll
    static void start() throws Exception {
        pncp = new FakePncpServer(FakePncpServer.sampleRecords(), 18089);
        pncp.latency(150);
        downloads = Files.createDirectories(Path.of("target", "browser-downloads").toAbsolutePath());
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,1800",
                "--user-data-dir=" + Files.createTempDirectory("bidiq-chromium"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        browser = new ChromeDriver(options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        pncp.close();
    }

    WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    void setDate(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id,
                value);
    }

    void screenshot(String name) throws Exception {
        Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void fillRunSeeAndDownload() throws Exception {
        browser.get(base.toString());
        waiting(20).until(d -> d.findElements(By.cssSelector("#setor_id option[value='engenharia']")).size() == 1);
        waiting(20).until(d -> d.findElements(By.cssSelector("input[name='modalidade']")).size() == 14);
        assertEquals(27, browser.findElements(By.cssSelector(".uf")).size());

        // A client-side validation error, shown next to its field, and nothing sent.
        setDate("data_inicial", "2026-03-12");
        setDate("data_final", "2026-02-10");
        browser.findElement(By.id("buscar")).click();
        WebElement dateError = browser.findElement(By.cssSelector("[data-error-for='data_final']"));
        waiting(5).until(d -> !dateError.getText().isEmpty());
        assertTrue(dateError.getText().contains("anterior ou igual"), dateError.getText());
        browser.findElement(By.id("uf-none")).click();
        browser.findElement(By.id("buscar")).click();
        assertEquals("Selecione ao menos uma UF",
                browser.findElement(By.cssSelector("[data-error-for='ufs']")).getText());
        assertEquals(0, pncp.requests().size());

        // A real search.
        setDate("data_inicial", "2026-02-10");
        setDate("data_final", "2026-03-12");
        browser.findElement(By.cssSelector(".uf[data-uf='SC']")).click();
        browser.findElement(By.cssSelector(".uf[data-uf='SP']")).click();
        new Select(browser.findElement(By.id("setor_id"))).selectByValue("engenharia");
        // Live, whatever the server's index already holds from other suites: this search is about fetching.
        new Select(browser.findElement(By.id("fonte"))).selectByValue("pncp");
        browser.findElement(By.cssSelector("input[name='modalidade'][value='6']")).click();
        browser.findElement(By.cssSelector("input[name='modalidade'][value='4']")).click();
        browser.findElement(By.cssSelector("input[name='modalidade'][value='5']")).click();
        browser.findElement(By.id("buscar")).click();

        waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("progress")));
        waiting(90).until(d -> "100".equals(d.findElement(By.cssSelector(".bar")).getAttribute("aria-valuenow")));
        waiting(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
        assertEquals("100%", browser.findElement(By.id("progress-pct")).getText());
        assertEquals("2/2", browser.findElement(By.id("ufs-done")).getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("#results-table tbody tr"));
        assertTrue(rows.size() > 10, "rows: " + rows.size());
        assertTrue(browser.findElement(By.id("summary")).getText().contains("oportunidades"));
        assertTrue(browser.findElement(By.id("summary")).getText().contains("R$"));

        // Where the answer came from, and how fresh that is.
        String source = browser.findElement(By.id("source-info")).getText();
        assertTrue(source.contains("Fonte: PNCP, consulta ao vivo"), source);
        assertTrue(source.contains("Dados do PNCP atualizados há"), source);

        // Sorting by value, client side.
        browser.findElement(By.cssSelector("th[data-sort='valor']")).click();
        browser.findElement(By.cssSelector("th[data-sort='valor']")).click();
        assertEquals("descending", browser.findElement(By.cssSelector("th[data-sort='valor']"))
                .getAttribute("aria-sort"));
        screenshot("webpage.png");

        WebElement download = browser.findElement(By.id("download"));
        assertTrue(download.isDisplayed());
        assertTrue(download.getAttribute("href").contains("api/download/"));
        download.click();
        Path file = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    try (var files = Files.list(downloads)) {
                        return files.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElse(null);
                    }
                }, Objects::nonNull);
        assertTrue(file != null, "no file downloaded");
        byte[] head = Files.readAllBytes(file);
        assertEquals('P', head[0]);
        assertEquals('K', head[1]);
        assertTrue(file.getFileName().toString().startsWith("BidIQ_Engenharia"));

        browser.manage().window().setSize(new Dimension(390, 1600));
        screenshot("webpage-phone.png");
        browser.manage().window().setSize(new Dimension(1366, 1800));

        // "Abertas agora" in one click: the same UFs, sector and modalities, no dates, from the index only (which
        // the live search above has filled in the background).
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String index = new String(new URL(base, "api/indice").openStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            return index.contains("\"SC\":"); // the sample records of that range are all from SC
        });
        int requests = pncp.requests().size();
        browser.findElement(By.id("abertas-agora")).click();
        waiting(60).until(d -> !d.findElements(By.cssSelector("#source-info[data-fonte='indice']")).isEmpty()
                && d.findElement(By.id("results")).isDisplayed());
        String indexed = browser.findElement(By.id("source-info")).getText();
        assertTrue(indexed.contains("Fonte: índice local do PNCP"), indexed);
        assertTrue(indexed.matches("(?s).*Dados do PNCP atualizados há (menos de 1|\\d+) min.*"), indexed);
        assertEquals("", browser.findElement(By.cssSelector("[data-error-for='data_inicial']")).getText());
        assertEquals(requests, pncp.requests().size(), "abertas agora makes no PNCP request");
        if (browser.findElements(By.cssSelector("#results-table tbody tr td.empty")).size() == 1) {
            // Nothing found: no download, and certainly not the previous search's file.
            assertTrue(!browser.findElement(By.id("download")).isDisplayed());
            assertEquals(null, browser.findElement(By.id("download")).getAttribute("href"));
        }
        screenshot("webpage-abertas-agora.png");
    }
}
