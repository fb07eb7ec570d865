package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IndexPage;
import br.com.bidiq.index.entity.IndexUnit;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.pncp.control.PncpClient;
import br.com.bidiq.pncp.control.PncpFetchException;
import br.com.bidiq.pncp.control.RequestGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Fetches one unit page by page from its checkpoint. Each page's notices are upserted in the same transaction that
 * moves the unit's checkpoint, so stopping (or dying) between pages loses nothing and repeats nothing.
 */
final class UnitFetcher {

    private static final Logger LOG = RequestIds.logger(UnitFetcher.class);

    enum Status {
        DONE,
        FAILED,
        STOPPED
    }

    /** How the unit ended and what it wrote. */
    record Result(Status status, int records, int badRecords) {}

    private final IndexDatabase db;
    private final PncpClient client;
    private final RequestGate nodeGate;
    private final NoticeStore notices;
    private final CoverageStore coverage;
    private final int maxPages;
    private final Clock clock;
    private final IndexPageReader reader = new IndexPageReader();

    UnitFetcher(
            IndexDatabase db,
            PncpClient client,
            RequestGate nodeGate,
            NoticeStore notices,
            CoverageStore coverage,
            int maxPages,
            Clock clock) {
        this.db = db;
        this.client = client;
        this.nodeGate = nodeGate;
        this.notices = notices;
        this.coverage = coverage;
        this.maxPages = maxPages;
        this.clock = clock;
    }

    /** Fetches the unit until its last page, a PNCP failure (recorded on the unit) or {@code stop}. */
    Result fetch(IndexUnit unit, BooleanSupplier stop) throws SQLException {
        int records = 0;
        int bad = 0;
        for (int page = Math.max(1, unit.nextPage()); !stop.getAsBoolean(); page++) {
            IndexPage result;
            try {
                result = client.fetchPage(unit.endpoint(), unit.fetchUnit(), page, List.of(nodeGate), reader)
                        .join();
            } catch (CompletionException e) {
                String reason = e.getCause() instanceof PncpFetchException
                        ? e.getCause().getMessage()
                        : "erro inesperado: " + e.getCause();
                try (Connection c = db.connection()) {
                    coverage.failed(c, unit.id(), "página " + page + ": " + reason, now());
                }
                LOG.warning("Index unit failed " + unit + " page " + page + ": " + reason);
                return new Result(Status.FAILED, records, bad);
            }
            boolean last = page >= result.lastPage()
                    || result.notices().isEmpty() && result.badRecords().isEmpty();
            boolean capped = !last && page >= maxPages;
            write(unit, page, result, last, capped);
            records += result.notices().size();
            bad += result.badRecords().size();
            if (!result.badRecords().isEmpty()) {
                LOG.warning("Index skipped " + result.badRecords().size() + " bad records on " + unit + " page " + page
                        + ": " + summarize(result.badRecords()));
            }
            if (last || capped) {
                return new Result(capped ? Status.FAILED : Status.DONE, records, bad);
            }
        }
        return new Result(Status.STOPPED, records, bad);
    }

    private void write(IndexUnit unit, int page, IndexPage result, boolean last, boolean capped) throws SQLException {
        int good = result.notices().size();
        int bad = result.badRecords().size();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            notices.upsert(c, result.notices(), now());
            if (last) {
                coverage.done(c, unit.id(), page + 1, good, bad, now());
            } else {
                coverage.checkpoint(c, unit.id(), page + 1, result.lastPage(), good, bad, now());
            }
            if (capped) {
                coverage.failed(
                        c,
                        unit.id(),
                        "limite de " + maxPages + " páginas por consulta atingido (" + result.lastPage() + " páginas)",
                        now());
            }
            c.commit();
        }
    }

    /** "reason (count); …", one entry per distinct reason. */
    private static String summarize(List<String> reasons) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        reasons.forEach(r -> counts.merge(r, 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        counts.forEach((r, n) -> sb.append(sb.isEmpty() ? "" : "; ")
                .append(r)
                .append(" (")
                .append(n)
                .append(')'));
        return sb.toString();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
