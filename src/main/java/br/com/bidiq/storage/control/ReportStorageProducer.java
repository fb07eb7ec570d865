package br.com.bidiq.storage.control;

import br.com.bidiq.platform.RequestIds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Picks where reports go, once at start: S3-compatible object storage when S3_ENDPOINT, or S3 credentials, are
 * configured; the filesystem otherwise. Runs the retention cleanup for either.
 */
@ApplicationScoped
public class ReportStorageProducer {

    private static final Logger LOG = RequestIds.logger(ReportStorageProducer.class);

    @Inject
    @ConfigProperty(name = "reports.dir")
    Optional<String> reportsDir;

    @Inject
    @ConfigProperty(name = "reports.retention-hours")
    long retentionHours;

    @Inject
    @ConfigProperty(name = "s3.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "s3.region")
    String region;

    @Inject
    @ConfigProperty(name = "s3.bucket")
    String bucket;

    @Inject
    @ConfigProperty(name = "s3.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "s3.secret-key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "s3.path-style")
    Optional<Boolean> pathStyle;

    @Inject
    @ConfigProperty(name = "report.url-ttl")
    String urlTtl;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ReportStorage storage;
    private S3Client s3;
    private S3Presigner presigner;
    private ScheduledFuture<?> cleanup;

    @PostConstruct
    void start() {
        Duration retention = Duration.ofHours(retentionHours);
        Optional<String> url = endpoint.filter(s -> !s.isBlank());
        boolean keys = accessKey.filter(s -> !s.isBlank()).isPresent() && secretKey.filter(s -> !s.isBlank())
                .isPresent();
        if (url.isPresent() || keys) {
            storage = objectStorage(url, retention);
        } else {
            storage = filesystem(retention);
        }
        cleanup = scheduler.scheduleAtFixedRate(storage::deleteExpired, 1, 10, TimeUnit.MINUTES);
    }

    private ReportStorage objectStorage(Optional<String> url, Duration retention) {
        AwsCredentialsProvider credentials = accessKey.filter(s -> !s.isBlank()).isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.orElse("")))
                : DefaultCredentialsProvider.builder().build();
        boolean path = pathStyle.orElse(url.isPresent());
        Region r = Region.of(region);
        var client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)).build())
                .region(r)
                .credentialsProvider(credentials)
                .forcePathStyle(path)
                // Many S3-compatible stores reject the newer default checksum headers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presign = S3Presigner.builder().region(r).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(path).build());
        url.map(URI::create).ifPresent(u -> {
            client.endpointOverride(u);
            presign.endpointOverride(u);
        });
        s3 = client.build();
        presigner = presign.build();
        Duration ttl = ttl(urlTtl);
        LOG.info("Report storage ready [storage: " + ObjectReportStorage.MODE + "] endpoint="
                + url.orElse("AWS S3") + " region=" + region + " bucket=" + bucket + " path-style=" + path
                + " url-ttl=" + ttl.toSeconds() + "s retention=" + retentionHours + "h");
        return new ObjectReportStorage(s3, presigner, bucket, ttl, retention, Clock.systemUTC());
    }

    private ReportStorage filesystem(Duration retention) {
        Path dir = reportsDir.filter(s -> !s.isBlank()).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "bidiq-reports"));
        try {
            FilesystemReportStorage fs = new FilesystemReportStorage(dir, retention, Clock.systemUTC());
            LOG.info("Report storage ready [storage: " + fs.mode() + "] dir=" + dir.toAbsolutePath()
                    + " retention=" + retentionHours + "h");
            return fs;
        } catch (IOException e) {
            throw new UncheckedIOException("REPORTS_DIR não pode ser criado: " + dir, e);
        }
    }

    /** "60" (minutes), "90s", "15m", "2h" or an ISO-8601 duration such as "PT1H". */
    static Duration ttl(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.startsWith("p")) {
            return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        char unit = v.charAt(v.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofMinutes(Long.parseLong(v));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("REPORT_URL_TTL inválido: " + value);
        };
    }

    @PreDestroy
    void stop() {
        if (cleanup != null) {
            cleanup.cancel(false);
        }
        if (presigner != null) {
            presigner.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Produces
    @ApplicationScoped
    ReportStorage storage() {
        return storage;
    }
}
