package br.com.bidiq.storage.control;

import br.com.bidiq.storage.entity.ReportDownload;
import br.com.bidiq.storage.entity.StoredReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Where reports go: the filesystem or S3-compatible object storage (the two CDI alternatives). */
public interface ReportStorage {

    StoredReport store(String searchId, Path report, String fileName) throws IOException;

    Optional<ReportDownload> find(String downloadId);

    /** Deletes reports older than the retention; returns how many. */
    int deleteExpired();

    /** "filesystem" or "object-storage", for logs and health. */
    String mode();
}
