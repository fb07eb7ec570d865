package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IndexOverview;
import br.com.bidiq.index.entity.IndexUnit;
import br.com.bidiq.index.entity.PlannedUnit;
import br.com.bidiq.pncp.entity.PncpEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coverage table ({@code index_units}): one row per endpoint x UF x modality x date window, with its checkpoint
 * (the next page to fetch) and outcome. Done rows are what the index covers; pending and failed rows are fetched by
 * the next run, from their checkpoint.
 */
final class CoverageStore {

    private static final String UNIT_COLUMNS = "id, endpoint, uf, modalidade, data_inicial, data_final, next_page";

    /** Every unit there is, planned or covered, with its status: what a new plan starts from. */
    Map<PlannedUnit, IndexUnit.Status> statuses(Connection c) throws SQLException {
        Map<PlannedUnit, IndexUnit.Status> statuses = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT endpoint, uf, modalidade, data_inicial, data_final, " + "status FROM index_units");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                statuses.put(
                        new PlannedUnit(
                                PncpEndpoint.fromWire(rs.getString(1)),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getObject(4, LocalDate.class),
                                rs.getObject(5, LocalDate.class)),
                        IndexUnit.Status.fromWire(rs.getString(6)));
            }
        }
        return statuses;
    }

    /**
     * Adds planned units as pending; a planned unit that is already done is fetched again from page 1, one that is
     * pending or failed keeps its checkpoint.
     */
    void plan(
            Connection c,
            List<PlannedUnit> planned,
            Map<PlannedUnit, IndexUnit.Status> existing,
            long runId,
            OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO index_units (endpoint, uf, modalidade, "
                        + "data_inicial, data_final, status, next_page, records, bad_records, attempts, run_id, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'pending', 1, 0, 0, 0, ?, ?)");
                PreparedStatement refresh = c.prepareStatement(
                        "UPDATE index_units SET status = 'pending', next_page = 1, "
                                + "records = 0, bad_records = 0, total_pages = NULL, run_id = ?, updated_at = ? WHERE endpoint = ? "
                                + "AND uf = ? AND modalidade = ? AND data_inicial = ? AND data_final = ? AND status = 'done'")) {
            for (PlannedUnit p : planned) {
                IndexUnit.Status status = existing.get(p);
                if (status == null) {
                    insert.setString(1, p.endpoint().wire());
                    insert.setString(2, p.uf());
                    insert.setInt(3, p.modalidade());
                    insert.setObject(4, p.dataInicial());
                    insert.setObject(5, p.dataFinal());
                    insert.setLong(6, runId);
                    insert.setObject(7, now);
                    insert.addBatch();
                } else if (status == IndexUnit.Status.DONE) {
                    refresh.setLong(1, runId);
                    refresh.setObject(2, now);
                    refresh.setString(3, p.endpoint().wire());
                    refresh.setString(4, p.uf());
                    refresh.setInt(5, p.modalidade());
                    refresh.setObject(6, p.dataInicial());
                    refresh.setObject(7, p.dataFinal());
                    refresh.addBatch();
                }
            }
            insert.executeBatch();
            refresh.executeBatch();
        }
    }

    /** Every unit still to fetch: pending first, then failed ones (retried); backfill before incremental. */
    List<IndexUnit> open(Connection c) throws SQLException {
        return units(
                c,
                "WHERE status <> 'done' ORDER BY CASE status WHEN 'pending' THEN 0 ELSE 1 END, "
                        + "CASE endpoint WHEN 'publicacao' THEN 0 ELSE 1 END, data_inicial, uf, modalidade");
    }

    void checkpoint(
            Connection c, long unitId, int nextPage, int totalPages, int records, int badRecords, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE index_units SET next_page = ?, total_pages = ?, "
                + "records = records + ?, bad_records = bad_records + ?, updated_at = ? WHERE id = ?")) {
            ps.setInt(1, nextPage);
            ps.setInt(2, totalPages);
            ps.setInt(3, records);
            ps.setInt(4, badRecords);
            ps.setObject(5, now);
            ps.setLong(6, unitId);
            ps.executeUpdate();
        }
    }

    void done(Connection c, long unitId, int nextPage, int records, int badRecords, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE index_units SET status = 'done', next_page = ?, "
                + "records = records + ?, bad_records = bad_records + ?, last_error = NULL, indexed_at = ?, "
                + "updated_at = ? WHERE id = ?")) {
            ps.setInt(1, nextPage);
            ps.setInt(2, records);
            ps.setInt(3, badRecords);
            ps.setObject(4, now);
            ps.setObject(5, now);
            ps.setLong(6, unitId);
            ps.executeUpdate();
        }
    }

    void failed(Connection c, long unitId, String reason, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE index_units SET status = 'failed', last_error = ?, "
                + "attempts = attempts + 1, updated_at = ? WHERE id = ?")) {
            ps.setString(1, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            ps.setObject(2, now);
            ps.setLong(3, unitId);
            ps.executeUpdate();
        }
    }

    List<IndexOverview.FailedIndexUnit> failedUnits(Connection c, int limit) throws SQLException {
        List<IndexOverview.FailedIndexUnit> failed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT endpoint, uf, modalidade, data_inicial, data_final, "
                + "next_page, last_error, attempts FROM index_units WHERE status = 'failed' "
                + "ORDER BY uf, modalidade, data_inicial")) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    failed.add(new IndexOverview.FailedIndexUnit(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class),
                            rs.getInt(6),
                            rs.getString(7),
                            rs.getInt(8)));
                }
            }
        }
        return failed;
    }

    /** Done, pending and failed unit counts, the covered date range and when a unit last succeeded. */
    IndexOverview.Coverage coverage(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT "
                        + "SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), "
                        + "MIN(CASE WHEN status = 'done' THEN data_inicial END), "
                        + "MAX(CASE WHEN status = 'done' THEN data_final END) FROM index_units");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new IndexOverview.Coverage(
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class),
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3));
        }
    }

    OffsetDateTime lastIndexedAt(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(indexed_at) FROM index_units");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
        }
    }

    private List<IndexUnit> units(Connection c, String where) throws SQLException {
        List<IndexUnit> units = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + UNIT_COLUMNS + " FROM index_units " + where);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                units.add(new IndexUnit(
                        rs.getLong(1),
                        PncpEndpoint.fromWire(rs.getString(2)),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class),
                        rs.getInt(7)));
            }
        }
        return units;
    }
}
