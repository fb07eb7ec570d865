package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IndexedNotice;
import br.com.bidiq.pncp.entity.FetchUnit;
import br.com.bidiq.pncp.entity.PncpRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what live searches fetched from PNCP: the notices (newest version wins, as in ingestion) and, for every
 * unit fetched completely, a coverage row, so that the next search of that range is answered from the index.
 * Notices and coverage go in one transaction: coverage never claims notices that were not written.
 */
public class IndexFeed {

    private static final int BATCH = 500;
    private static final String POSTGRES_UNIT = "INSERT INTO index_units (endpoint, uf, modalidade, data_inicial, "
            + "data_final, status, next_page, records, bad_records, attempts, indexed_at, updated_at) "
            + "VALUES ('publicacao', ?, ?, ?, ?, 'done', 1, ?, 0, 0, ?, ?) "
            + "ON CONFLICT (endpoint, uf, modalidade, data_inicial, data_final) DO UPDATE SET status = 'done', "
            + "records = EXCLUDED.records, last_error = NULL, indexed_at = EXCLUDED.indexed_at, "
            + "updated_at = EXCLUDED.updated_at";
    private static final String H2_UNIT = "MERGE INTO index_units u USING (VALUES (CAST(? AS CHAR(2)), "
            + "CAST(? AS SMALLINT), CAST(? AS DATE), CAST(? AS DATE), CAST(? AS INTEGER), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE))) "
            + "AS s(uf, modalidade, data_inicial, data_final, records, indexed_at, updated_at) "
            + "ON u.endpoint = 'publicacao' AND u.uf = s.uf AND u.modalidade = s.modalidade "
            + "AND u.data_inicial = s.data_inicial AND u.data_final = s.data_final "
            + "WHEN MATCHED THEN UPDATE SET status = 'done', records = s.records, last_error = NULL, "
            + "indexed_at = s.indexed_at, updated_at = s.updated_at "
            + "WHEN NOT MATCHED THEN INSERT (endpoint, uf, modalidade, data_inicial, data_final, status, next_page, "
            + "records, bad_records, attempts, indexed_at, updated_at) VALUES ('publicacao', s.uf, s.modalidade, "
            + "s.data_inicial, s.data_final, 'done', 1, s.records, 0, 0, s.indexed_at, s.updated_at)";

    private final IndexDatabase db;
    private final NoticeStore notices;
    private final Clock clock;

    public IndexFeed(IndexDatabase db, Clock clock) {
        this.db = db;
        this.notices = new NoticeStore(db.vendor());
        this.clock = clock;
    }

    /**
     * Stores the records ({@code raw}: PNCP's JSON of each, parallel to them; a null one is not indexable and is
     * skipped) and marks the completed units covered. A unit reaching past today covers only up to today: what is
     * published later must still be fetched.
     */
    public void store(List<PncpRecord> records, List<String> raw, List<FetchUnit> completedUnits) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock.withZone(IndexSearch.BRASILIA));
        List<IndexedNotice> indexable = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (raw.get(i) != null) {
                indexable.add(new IndexedNotice(records.get(i), raw.get(i)));
            }
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                for (int from = 0; from < indexable.size(); from += BATCH) {
                    notices.upsert(c, indexable.subList(from, Math.min(indexable.size(), from + BATCH)), now);
                }
                units(c, indexable, completedUnits, today, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private void units(
            Connection c, List<IndexedNotice> stored, List<FetchUnit> units, LocalDate today, OffsetDateTime now)
            throws SQLException {
        Map<String, List<LocalDate>> days = new HashMap<>();
        for (IndexedNotice n : stored) {
            PncpRecord r = n.record();
            days.computeIfAbsent(r.uf() + "|" + r.modalidadeId(), k -> new ArrayList<>())
                    .add(r.dataPublicacao().toLocalDate());
        }
        try (PreparedStatement ps =
                c.prepareStatement(db.vendor() == DatabaseUrl.Vendor.POSTGRESQL ? POSTGRES_UNIT : H2_UNIT)) {
            for (FetchUnit u : units) {
                if (u.dataInicial().isAfter(today)) {
                    continue;
                }
                LocalDate end = u.dataFinal().isAfter(today) ? today : u.dataFinal();
                long records = days.getOrDefault(u.uf() + "|" + u.modalidade(), List.of()).stream()
                        .filter(d -> !d.isBefore(u.dataInicial()) && !d.isAfter(end))
                        .count();
                ps.setString(1, u.uf());
                ps.setInt(2, u.modalidade());
                ps.setObject(3, u.dataInicial());
                ps.setObject(4, end);
                ps.setInt(5, (int) records);
                ps.setObject(6, now);
                ps.setObject(7, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
