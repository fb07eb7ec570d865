package br.com.bidiq.storage.control;

import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.storage.entity.ReportDownload;
import br.com.bidiq.storage.entity.StoredReport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reports as files in REPORTS_DIR, named by their download id ({@code id.xlsx}, with the file name to offer in
 * {@code id.name}). Shared by a cluster only when the directory is.
 *
 * <p>A CDI alternative: {@link ReportStorageSelection} enables it unless object storage is configured. Without
 * REPORTS_DIR the reports go to {@code bidiq-reports} in the temporary directory.
 */
@ApplicationScoped
@Alternative
public class FilesystemReportStorage implements ReportStorage {

    public static final String MODE = "filesystem";
    private static final Logger LOG = RequestIds.logger(FilesystemReportStorage.class);

    private Path dir;
    private Duration retention;
    private Clock clock;

    @Inject
    @ConfigProperty(name = "reports.dir")
    Optional<String> reportsDir;

    @Inject
    @ConfigProperty(name = "reports.retention-hours")
    long retentionHours;

    protected FilesystemReportStorage() {
        // for CDI
    }

    @PostConstruct
    void start() {
        Path configured = reportsDir
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "bidiq-reports"));
        try {
            dir = Files.createDirectories(configured);
        } catch (IOException e) {
            throw new UncheckedIOException("REPORTS_DIR não pode ser criado: " + configured, e);
        }
        retention = Duration.ofHours(retentionHours);
        clock = Clock.systemUTC();
        LOG.info("Report storage ready [storage: " + MODE + "] dir=" + dir.toAbsolutePath() + " retention="
                + retentionHours + "h");
    }

    public FilesystemReportStorage(Path dir, Duration retention, Clock clock) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.retention = retention;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public StoredReport store(String searchId, Path report, String fileName) throws IOException {
        String id = DownloadIds.next();
        Path target = dir.resolve(id + ".xlsx");
        Path tmp = dir.resolve(id + ".tmp");
        Files.copy(report, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(id + ".name"), fileName, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info(() -> "Excel saved to filesystem: download_id=" + id + " search_id=" + searchId + " (" + size(target)
                + " bytes)");
        return new StoredReport(id, null);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Optional<ReportDownload> find(String downloadId) {
        if (!DownloadIds.valid(downloadId)) {
            return Optional.empty();
        }
        Path file = dir.resolve(downloadId + ".xlsx");
        if (!Files.isRegularFile(file) || expired(file)) {
            return Optional.empty();
        }
        String name;
        try {
            name = Files.readString(dir.resolve(downloadId + ".name"), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            name = "BidIQ_relatorio.xlsx";
        }
        return Optional.of(new ReportDownload(file, name, null));
    }

    private boolean expired(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return modified.toInstant().isBefore(clock.instant().minus(retention));
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public int deleteExpired() {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if ((n.endsWith(".xlsx") || n.endsWith(".tmp")) && expired(f)) {
                    String id = n.substring(0, n.lastIndexOf('.'));
                    Files.deleteIfExists(f);
                    Files.deleteIfExists(dir.resolve(id + ".name"));
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "report cleanup failed in " + dir, e);
        }
        if (deleted > 0) {
            int n = deleted;
            LOG.info(() -> "Deleted " + n + " expired report(s) from " + dir);
        }
        return deleted;
    }

    @Override
    public String mode() {
        return MODE;
    }
}
