package br.com.bidiq.storage.control;

import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.report.control.ExcelReportWriter;
import br.com.bidiq.storage.entity.ReportDownload;
import br.com.bidiq.storage.entity.StoredReport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Reports in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Supabase Storage's S3 endpoint). The key is
 * {@code yyyyMMdd_HHmmss_{search_id}.xlsx} (UTC) and the download id is the key without its extension, so any node
 * can presign a fresh URL for it. The bucket is created private on first use, never at deploy time.
 *
 * <p>A CDI alternative: {@link ReportStorageSelection} enables it when S3_ENDPOINT or the S3 keys are set. It builds
 * its client and presigner from the S3_* settings and closes them when the application stops.
 */
@ApplicationScoped
@Alternative
public class ObjectReportStorage implements ReportStorage {

    public static final String MODE = "object-storage";
    static final DateTimeFormatter KEY_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    static final Pattern DOWNLOAD_ID =
            Pattern.compile("\\d{8}_\\d{6}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}" + "-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String FILE_NAME_META = "filename";
    private static final Logger LOG = RequestIds.logger(ObjectReportStorage.class);

    private S3Client s3;
    private S3Presigner presigner;
    private String bucket;
    private Duration urlTtl;
    private Duration retention;
    private Clock clock;
    private final AtomicBoolean bucketReady = new AtomicBoolean();

    @Inject
    @ConfigProperty(name = "s3.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "s3.region")
    String region;

    @Inject
    @ConfigProperty(name = "s3.bucket")
    String configuredBucket;

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
    Duration configuredUrlTtl;

    @Inject
    @ConfigProperty(name = "reports.retention-hours")
    long retentionHours;

    protected ObjectReportStorage() {
        // for CDI
    }

    @PostConstruct
    void start() {
        Optional<String> url = endpoint.filter(s -> !s.isBlank());
        AwsCredentialsProvider credentials = accessKey.filter(s -> !s.isBlank()).isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.orElse("")))
                : DefaultCredentialsProvider.builder().build();
        boolean path = pathStyle.orElse(url.isPresent());
        Region r = Region.of(region);
        var client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .region(r)
                .credentialsProvider(credentials)
                .forcePathStyle(path)
                // Many S3-compatible stores reject the newer default checksum headers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presign = S3Presigner.builder()
                .region(r)
                .credentialsProvider(credentials)
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(path).build());
        url.map(URI::create).ifPresent(u -> {
            client.endpointOverride(u);
            presign.endpointOverride(u);
        });
        s3 = client.build();
        presigner = presign.build();
        bucket = configuredBucket;
        urlTtl = configuredUrlTtl;
        retention = Duration.ofHours(retentionHours);
        clock = Clock.systemUTC();
        LOG.info("Report storage ready [storage: " + MODE + "] endpoint=" + url.orElse("AWS S3") + " region="
                + region + " bucket=" + bucket + " path-style=" + path + " url-ttl=" + urlTtl.toSeconds()
                + "s retention=" + retentionHours + "h");
    }

    /** Only the container calls this, for the instance it built in {@link #start}: the clients are its own. */
    @PreDestroy
    void stop() {
        presigner.close();
        s3.close();
    }

    public ObjectReportStorage(
            S3Client s3, S3Presigner presigner, String bucket, Duration urlTtl, Duration retention, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.urlTtl = urlTtl;
        this.retention = retention;
        this.clock = clock;
    }

    public static String keyOf(String downloadId) {
        return downloadId + ".xlsx";
    }

    @Override
    public StoredReport store(String searchId, Path report, String fileName) {
        ensureBucket();
        String downloadId = KEY_TIME.format(clock.instant()) + "_" + searchId;
        String key = keyOf(downloadId);
        s3.putObject(
                b -> b.bucket(bucket)
                        .key(key)
                        .contentType(ExcelReportWriter.CONTENT_TYPE)
                        .metadata(Map.of(FILE_NAME_META, ReportFileNames.ascii(fileName))),
                RequestBody.fromFile(report));
        String url = presign(key, fileName).toString();
        LOG.info(() -> "Excel uploaded to storage: " + bucket + "/" + key + " (TTL=" + urlTtl.toSeconds() + "s)");
        return new StoredReport(downloadId, url);
    }

    private void ensureBucket() {
        if (bucketReady.get()) {
            return;
        }
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            create();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            create();
        }
        bucketReady.set(true);
    }

    private void create() {
        s3.createBucket(b -> b.bucket(bucket).acl(BucketCannedACL.PRIVATE));
        LOG.info(() -> "Created private bucket " + bucket);
    }

    URI presign(String key, String fileName) {
        GetObjectRequest get = GetObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .responseContentType(ExcelReportWriter.CONTENT_TYPE)
                .responseContentDisposition("attachment; filename=\"" + ReportFileNames.ascii(fileName) + "\"")
                .build();
        try {
            return presigner
                    .presignGetObject(GetObjectPresignRequest.builder()
                            .signatureDuration(urlTtl)
                            .getObjectRequest(get)
                            .build())
                    .url()
                    .toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<ReportDownload> find(String downloadId) {
        if (downloadId == null || !DOWNLOAD_ID.matcher(downloadId).matches()) {
            return Optional.empty();
        }
        String key = keyOf(downloadId);
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            if (head.lastModified() != null
                    && head.lastModified().isBefore(clock.instant().minus(retention))) {
                return Optional.empty();
            }
            String name = head.metadata().getOrDefault(FILE_NAME_META, "BidIQ_" + downloadId + ".xlsx");
            return Optional.of(new ReportDownload(null, name, presign(key, name)));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public int deleteExpired() {
        Instant limit = clock.instant().minus(retention);
        int deleted = 0;
        try {
            List<ObjectIdentifier> old = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
                if (o.key().endsWith(".xlsx") && o.lastModified().isBefore(limit)) {
                    old.add(ObjectIdentifier.builder().key(o.key()).build());
                }
            }
            for (int i = 0; i < old.size(); i += 1000) {
                List<ObjectIdentifier> batch = old.subList(i, Math.min(old.size(), i + 1000));
                s3.deleteObjects(b -> b.bucket(bucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()));
                deleted += batch.size();
            }
        } catch (NoSuchBucketException e) {
            return 0;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "report cleanup failed in bucket " + bucket + ": " + e);
            return deleted;
        }
        if (deleted > 0) {
            int n = deleted;
            LOG.info(() -> "Deleted " + n + " expired report(s) from bucket " + bucket);
        }
        return deleted;
    }

    @Override
    public String mode() {
        return MODE;
    }
}
