package br.com.bidiq.storage.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.report.control.ExcelReportWriter;
import br.com.bidiq.storage.entity.ReportDownload;
import br.com.bidiq.storage.entity.StoredReport;
import br.com.bidiq.testing.S3ProxyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

@Tag("s3proxy")
class ObjectReportStorageTest {

    static S3ProxyServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        server = new S3ProxyServer(0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static S3Client client(String secret) {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .endpointOverride(server.endpoint())
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.IDENTITY, secret)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    static S3Presigner presigner(String secret) {
        return S3Presigner.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(server.endpoint())
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.IDENTITY, secret)))
                .build();
    }

    static ObjectReportStorage storage(String bucket, Duration ttl, Clock clock, String secret) {
        return new ObjectReportStorage(client(secret), presigner(secret), bucket, ttl, Duration.ofHours(24), clock);
    }

    Path report(byte[] bytes) throws Exception {
        return Files.write(tmp.resolve("r-" + UUID.randomUUID() + ".xlsx"), bytes);
    }

    static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void uploadsUnderTheKeyWithTheXlsxTypeIntoANewPrivateBucket() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T13:14:15Z"), ZoneOffset.UTC);
        String searchId = UUID.randomUUID().toString();
        ObjectReportStorage storage = storage("reports-a", Duration.ofMinutes(60), clock, S3ProxyServer.CREDENTIAL);

        StoredReport stored = storage.store(searchId, report(new byte[] {1, 2, 3, 4}), "BidIQ_Saúde_x.xlsx");

        assertEquals("20261129_131415_" + searchId, stored.downloadId());
        HeadObjectResponse head = client(S3ProxyServer.CREDENTIAL)
                .headObject(b -> b.bucket("reports-a").key("20261129_131415_" + searchId + ".xlsx"));
        assertEquals(ExcelReportWriter.CONTENT_TYPE, head.contentType());
        assertEquals(4, head.contentLength());
        HttpResponse<byte[]> anonymous = get(server.endpoint() + "/reports-a/20261129_131415_" + searchId + ".xlsx");
        assertEquals(403, anonymous.statusCode(), "the bucket must not be publicly readable");
    }

    @Test
    void thePresignedUrlServesTheSameBytesAndSaysWhenItExpires() throws Exception {
        byte[] bytes = "planilha".getBytes();
        ObjectReportStorage storage =
                storage("reports-b", Duration.ofSeconds(2), Clock.systemUTC(), S3ProxyServer.CREDENTIAL);

        StoredReport stored = storage.store(UUID.randomUUID().toString(), report(bytes), "BidIQ_Saude.xlsx");

        HttpResponse<byte[]> ok = get(stored.downloadUrl());
        assertEquals(200, ok.statusCode());
        assertArrayEquals(bytes, ok.body());
        assertTrue(ok.headers().firstValue("Content-Disposition").orElse("").contains("BidIQ_Saude.xlsx"));
        // Expiry is the signature's business (X-Amz-Expires, signed with the date): read from the URL, not waited for.
        String query = java.net.URI.create(stored.downloadUrl()).getRawQuery();
        assertTrue(query.contains("X-Amz-Expires=2&") || query.endsWith("X-Amz-Expires=2"), query);
        assertTrue(query.contains("X-Amz-Date="), query);
        HttpResponse<byte[]> tampered = get(stored.downloadUrl().replace("X-Amz-Expires=2", "X-Amz-Expires=3600"));
        assertNotEquals(200, tampered.statusCode(), "a longer lifetime than the one signed must be refused");
    }

    @Test
    void aDownloadIdGivesAFreshWorkingUrlFromAnyNodeAndUnknownOnesNothing() throws Exception {
        ObjectReportStorage nodeA =
                storage("reports-c", Duration.ofMinutes(5), Clock.systemUTC(), S3ProxyServer.CREDENTIAL);
        ObjectReportStorage nodeB =
                storage("reports-c", Duration.ofMinutes(5), Clock.systemUTC(), S3ProxyServer.CREDENTIAL);
        StoredReport stored = nodeA.store(UUID.randomUUID().toString(), report(new byte[] {7}), "Relatório.xlsx");

        ReportDownload d = nodeB.find(stored.downloadId()).orElseThrow();
        assertEquals(server.endpoint().getHost(), d.redirect().getHost());
        assertArrayEquals(new byte[] {7}, get(d.redirect().toString()).body());
        assertEquals("Relatorio.xlsx", d.fileName());
        assertTrue(nodeB.find("20990101_000000_" + UUID.randomUUID()).isEmpty());
        assertTrue(nodeB.find("../etc/passwd").isEmpty());
        assertTrue(nodeB.find("https://evil.example/x").isEmpty());
    }

    @Test
    void theRetentionJobDeletesOldObjects() throws Exception {
        ObjectReportStorage now =
                storage("reports-d", Duration.ofMinutes(5), Clock.systemUTC(), S3ProxyServer.CREDENTIAL);
        StoredReport a = now.store(UUID.randomUUID().toString(), report(new byte[] {1}), "a.xlsx");
        StoredReport b = now.store(UUID.randomUUID().toString(), report(new byte[] {2}), "b.xlsx");
        assertEquals(0, now.deleteExpired());

        Clock tomorrow = Clock.fixed(Instant.now().plus(Duration.ofHours(25)), ZoneOffset.UTC);
        ObjectReportStorage later = storage("reports-d", Duration.ofMinutes(5), tomorrow, S3ProxyServer.CREDENTIAL);
        assertTrue(later.find(a.downloadId()).isEmpty(), "past retention is not served");
        assertEquals(2, later.deleteExpired());
        assertTrue(now.find(a.downloadId()).isEmpty());
        assertTrue(now.find(b.downloadId()).isEmpty());
    }

    @Test
    void wrongCredentialsFailTheUpload() throws Exception {
        ObjectReportStorage wrong = storage("reports-e", Duration.ofMinutes(5), Clock.systemUTC(), "wrong-secret");
        Path file = report(new byte[] {1});
        assertThrows(RuntimeException.class, () -> wrong.store(UUID.randomUUID().toString(), file, "x.xlsx"));
    }
}
