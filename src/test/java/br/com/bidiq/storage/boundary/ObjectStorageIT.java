package br.com.bidiq.storage.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.report.control.ExcelReportWriter;
import br.com.bidiq.testing.ApiClient;
import br.com.bidiq.testing.Deployments;
import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.S3ProxyServer;
import br.com.bidiq.testing.SearchBody;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The app on Liberty with S3_* pointing at s3proxy: what lands in the bucket, and how it is handed out. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObjectStorageIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static FakePncpServer pncp;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bidiqWar();
    }

    @BeforeAll
    static void start() throws Exception {
        pncp = new FakePncpServer(FakePncpServer.sampleRecords(), 18089);
        S3ProxyServer.sharedOnItPort();
    }

    @AfterAll
    static void stop() {
        pncp.close();
    }

    URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    static JsonObject json(String s) {
        return ApiClient.json(s);
    }

    @Test
    void theReportLandsInThePrivateBucketUnderItsKeyAndTheDownloadRedirectsThere() throws Exception {
        String id = UUID.randomUUID().toString();
        ApiClient api = new ApiClient(base.toString());
        api.search(
                SearchBody.live().id(id).sector("engenharia").raw("fonte", null).json());
        api.events(id, null, Duration.ofSeconds(60));
        JsonObject r = json(HTTP.send(
                                HttpRequest.newBuilder(uri("/api/buscar/" + id)).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .getJsonObject("resultado");

        String downloadId = r.getString("download_id");
        assertTrue(downloadId.matches("\\d{8}_\\d{6}_" + id), downloadId);
        assertTrue(!r.containsKey("excel_base64") || r.isNull("excel_base64"));
        S3Client s3 = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + S3ProxyServer.IT_PORT))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL)))
                .build();
        HeadObjectResponse head =
                s3.headObject(b -> b.bucket("excel-reports-it").key(downloadId + ".xlsx"));
        assertEquals(ExcelReportWriter.CONTENT_TYPE, head.contentType());

        HttpResponse<Void> anonymous = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + S3ProxyServer.IT_PORT + "/excel-reports-it/"
                                + downloadId + ".xlsx"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(403, anonymous.statusCode(), "the bucket is private");

        HttpResponse<Void> redirect = HTTP.send(
                HttpRequest.newBuilder(uri("/api/download/" + downloadId)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, redirect.statusCode());
        HttpResponse<byte[]> file = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                redirect.headers().firstValue("Location").orElseThrow()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals(head.contentLength(), file.body().length);
        assertTrue(file.headers()
                .firstValue("Content-Disposition")
                .orElse("")
                .contains("BidIQ_Engenharia_e_Construcao_2026-02-10_a_2026-03-12.xlsx"));

        assertEquals(
                404,
                HTTP.send(
                                HttpRequest.newBuilder(uri("/api/download/20260101_000000_" + UUID.randomUUID()))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());
    }
}
