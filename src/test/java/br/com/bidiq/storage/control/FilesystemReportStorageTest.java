package br.com.bidiq.storage.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.storage.entity.ReportDownload;
import br.com.bidiq.storage.entity.StoredReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemReportStorageTest {

    @TempDir
    Path dir;

    @Test
    void storesUnderAnUnguessableIdAndFindsItAgain() throws Exception {
        FilesystemReportStorage storage =
                new FilesystemReportStorage(dir.resolve("reports"), Duration.ofHours(24), Clock.systemUTC());
        Path report = Files.write(dir.resolve("r.xlsx"), new byte[] {1, 2, 3});

        StoredReport stored = storage.store("search-1", report, "BidIQ_Saude_2026-11-01_a_2026-11-28.xlsx");

        assertTrue(DownloadIds.valid(stored.downloadId()));
        ReportDownload d = storage.find(stored.downloadId()).orElseThrow();
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(d.file()));
        assertEquals("BidIQ_Saude_2026-11-01_a_2026-11-28.xlsx", d.fileName());
    }

    @Test
    void refusesIdsThatAreNotItsOwn() throws Exception {
        FilesystemReportStorage storage = new FilesystemReportStorage(dir, Duration.ofHours(24), Clock.systemUTC());
        Files.writeString(dir.resolve("secret.xlsx"), "x");
        assertTrue(storage.find("../secret").isEmpty());
        assertTrue(storage.find("secret").isEmpty());
        assertTrue(storage.find(null).isEmpty());
        assertTrue(storage.find("00000000-0000-0000-0000-000000000000").isEmpty());
    }

    @Test
    void deletesReportsOlderThanTheRetention() throws Exception {
        FilesystemReportStorage storage = new FilesystemReportStorage(dir, Duration.ofHours(24), Clock.systemUTC());
        Path report = Files.write(dir.resolve("in.bin"), new byte[] {9});
        StoredReport old = storage.store("a", report, "a.xlsx");
        StoredReport fresh = storage.store("b", report, "b.xlsx");
        Files.setLastModifiedTime(
                dir.resolve(old.downloadId() + ".xlsx"),
                FileTime.from(Instant.now().minus(Duration.ofHours(25))));

        assertTrue(storage.find(old.downloadId()).isEmpty(), "expired reports are not served");
        assertEquals(1, storage.deleteExpired());
        assertTrue(Files.notExists(dir.resolve(old.downloadId() + ".xlsx")));
        assertTrue(Files.notExists(dir.resolve(old.downloadId() + ".name")));
        assertTrue(storage.find(fresh.downloadId()).isPresent());
    }
}
