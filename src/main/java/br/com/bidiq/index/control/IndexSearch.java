package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IndexCoverage;
import br.com.bidiq.index.entity.NoticeQuery;
import br.com.bidiq.index.entity.UncoveredRange;
import br.com.bidiq.pncp.entity.PncpRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Answers searches from the index: whether it covers a search's UFs x modalities x days, how many notices a search
 * considers, and those notices one at a time, streamed from the database (never all in memory), as the same
 * {@link PncpRecord}s a live search reads from PNCP.
 */
public class IndexSearch {

    static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final int FETCH_SIZE = 1_000;
    private static final String RECORD_COLUMNS = "numero_controle, objeto, orgao_cnpj, orgao_nome, esfera, uf, "
            + "municipio, codigo_ibge, unidade_nome, valor_estimado, valor_homologado, modalidade, modalidade_nome, "
            + "situacao_nome, data_publicacao, data_abertura, data_encerramento, data_atualizacao_global, "
            + "link_sistema_origem, link_processo_eletronico, ano_compra, sequencial_compra, situacao_id";

    private final IndexDatabase db;
    private final Duration maxAge;
    private final Clock clock;

    /** {@code maxAge}: a UF x modality last refreshed longer ago than this is not fresh enough to answer alone. */
    public IndexSearch(IndexDatabase db, Duration maxAge, Clock clock) {
        this.db = db;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * What the index cannot answer for among these UFs x modalities, publication days {@code from}..{@code to}
     * (both null: notices of any publication day, as "abertas agora" asks). Days after today need no coverage.
     */
    public IndexCoverage coverage(List<String> ufs, List<Integer> modalidades, LocalDate from, LocalDate to)
            throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(BRASILIA));
        LocalDate last = to == null || to.isAfter(today) ? today : to;
        boolean dated = from != null;
        try (Connection c = db.connection()) {
            Map<String, Instant> fresh = freshness(c, ufs, modalidades);
            Map<String, Lane> lanes = new HashMap<>();
            if (dated && !from.isAfter(last)) {
                readUnits(c, ufs, modalidades, from, last, lanes);
            } else if (!dated) {
                readFailedUnits(c, ufs, modalidades, lanes);
            }
            List<UncoveredRange> missing = new ArrayList<>();
            Instant stalest = null;
            Instant limit = clock.instant().minus(maxAge);
            for (String uf : ufs) {
                for (int modalidade : modalidades) {
                    String key = uf + "|" + modalidade;
                    Instant freshAt = fresh.get(key);
                    Lane lane = lanes.getOrDefault(key, new Lane());
                    if (freshAt == null) {
                        missing.add(new UncoveredRange(
                                uf,
                                modalidade,
                                dated ? from.toString() : null,
                                dated ? last.toString() : null,
                                "UF e modalidade ainda não indexadas"));
                        continue;
                    }
                    stalest = stalest == null || freshAt.isBefore(stalest) ? freshAt : stalest;
                    if (freshAt.isBefore(limit)) {
                        missing.add(new UncoveredRange(
                                uf,
                                modalidade,
                                dated ? from.toString() : null,
                                dated ? last.toString() : null,
                                "dados do índice desatualizados (última atualização "
                                        + WHEN.format(freshAt.atZone(BRASILIA)) + ")"));
                        continue;
                    }
                    if (dated && !from.isAfter(last)) {
                        lane.gaps(uf, modalidade, from, last, missing);
                    } else {
                        lane.failures(uf, modalidade, missing);
                    }
                }
            }
            return new IndexCoverage(missing, stalest);
        }
    }

    /** The newest successful fetch of each UF x modality (a unit being fetched again still has its last one). */
    private static Map<String, Instant> freshness(Connection c, List<String> ufs, List<Integer> modalidades)
            throws SQLException {
        Map<String, Instant> fresh = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT uf, modalidade, MAX(indexed_at) FROM index_units WHERE "
                + "uf IN (" + marks(ufs.size()) + ") AND modalidade IN (" + marks(modalidades.size()) + ") AND "
                + "status <> 'failed' AND indexed_at IS NOT NULL GROUP BY uf, modalidade")) {
            bindLanes(ps, 1, ufs, modalidades);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.put(
                            rs.getString(1) + "|" + rs.getInt(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant());
                }
            }
        }
        return fresh;
    }

    private static void readUnits(
            Connection c,
            List<String> ufs,
            List<Integer> modalidades,
            LocalDate from,
            LocalDate to,
            Map<String, Lane> lanes)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT uf, modalidade, data_inicial, data_final, status, "
                + "indexed_at, last_error FROM index_units WHERE uf IN (" + marks(ufs.size()) + ") AND modalidade IN ("
                + marks(modalidades.size()) + ") AND data_final >= ? AND data_inicial <= ?")) {
            int i = bindLanes(ps, 1, ufs, modalidades);
            ps.setObject(i++, from);
            ps.setObject(i, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Lane lane = lanes.computeIfAbsent(rs.getString(1) + "|" + rs.getInt(2), k -> new Lane());
                    LocalDate a = rs.getObject(3, LocalDate.class);
                    LocalDate b = rs.getObject(4, LocalDate.class);
                    String status = rs.getString(5);
                    boolean fetchedBefore = rs.getObject(6) != null;
                    if ("failed".equals(status)) {
                        lane.failed(from, a, b, rs.getString(7));
                    } else if ("done".equals(status) || fetchedBefore) {
                        lane.covered(from, a, b);
                    }
                }
            }
        }
    }

    private static void readFailedUnits(
            Connection c, List<String> ufs, List<Integer> modalidades, Map<String, Lane> lanes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT uf, modalidade, data_inicial, data_final, last_error "
                + "FROM index_units WHERE uf IN (" + marks(ufs.size()) + ") AND modalidade IN ("
                + marks(modalidades.size()) + ") AND status = 'failed' ORDER BY data_inicial")) {
            bindLanes(ps, 1, ufs, modalidades);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lanes.computeIfAbsent(rs.getString(1) + "|" + rs.getInt(2), k -> new Lane())
                            .failedUnits
                            .add(new String[] {
                                rs.getObject(3, LocalDate.class).toString(),
                                rs.getObject(4, LocalDate.class).toString(),
                                rs.getString(5)
                            });
                }
            }
        }
    }

    /** How many notices the query selects. */
    public int count(NoticeQuery q) throws SQLException {
        int n = 0;
        try (Connection c = db.connection()) {
            for (NoticeQuery part : parts(q)) {
                Where where = Where.of(part);
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM notices" + where.sql())) {
                    where.bind(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getInt(1);
                    }
                }
            }
        }
        return n;
    }

    /**
     * The query as the database answers it fastest. H2 seeks an index on one IN list only, so a search of 27 UFs
     * would scan every notice of those UFs (1.5 million on a national index, ~3 s): one query per UF x modality
     * lets it seek (uf, modalidade, data_publicacao) for each. PostgreSQL plans the IN lists itself.
     */
    private List<NoticeQuery> parts(NoticeQuery q) {
        if (db.vendor() != DatabaseUrl.Vendor.H2) {
            return List.of(q);
        }
        List<NoticeQuery> lanes = new ArrayList<>();
        for (String uf : q.ufs()) {
            for (int modalidade : q.modalidades()) {
                lanes.add(q.lane(uf, modalidade));
            }
        }
        return lanes;
    }

    /**
     * Hands every notice the query selects to {@code sink}, one at a time, reading from a database cursor: memory
     * holds one fetch batch, not the result. Returns how many were handed over.
     */
    public int stream(NoticeQuery q, Consumer<PncpRecord> sink) throws SQLException {
        try (Connection c = db.connection()) {
            boolean h2 = db.vendor() == DatabaseUrl.Vendor.H2;
            boolean autoCommit = c.getAutoCommit();
            // PostgreSQL keeps a cursor (and fetches in batches) only inside a transaction; H2 streams when lazy.
            c.setAutoCommit(false);
            if (h2) {
                lazy(c, true);
            }
            int n = 0;
            try {
                for (NoticeQuery part : parts(q)) {
                    n += stream(c, Where.of(part), sink);
                }
                c.commit();
            } finally {
                if (h2) {
                    lazy(c, false);
                }
                c.setAutoCommit(autoCommit);
            }
            return n;
        }
    }

    private static int stream(Connection c, Where where, Consumer<PncpRecord> sink) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + RECORD_COLUMNS + " FROM notices" + where.sql(),
                ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(record(rs));
                    n++;
                }
            }
        }
        return n;
    }

    private static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    private static PncpRecord record(ResultSet rs) throws SQLException {
        return new PncpRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getBigDecimal(10),
                rs.getBigDecimal(11),
                rs.getInt(12),
                rs.getString(13),
                rs.getString(14),
                rs.getObject(15, LocalDateTime.class),
                rs.getObject(16, LocalDateTime.class),
                rs.getObject(17, LocalDateTime.class),
                rs.getObject(18, LocalDateTime.class),
                rs.getString(19),
                rs.getString(20),
                integer(rs, 21),
                integer(rs, 22),
                integer(rs, 23));
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static int bindLanes(PreparedStatement ps, int first, List<String> ufs, List<Integer> modalidades)
            throws SQLException {
        int i = first;
        for (String uf : ufs) {
            ps.setString(i++, uf);
        }
        for (int m : modalidades) {
            ps.setInt(i++, m);
        }
        return i;
    }

    /** One UF x modality's days over the searched range: covered, failed (with the first reason), or neither. */
    private static final class Lane {
        final BitSet covered = new BitSet();
        final BitSet failed = new BitSet();
        final java.util.TreeMap<Integer, String> reasons = new java.util.TreeMap<>();
        final List<String[]> failedUnits = new ArrayList<>();

        void covered(LocalDate origin, LocalDate a, LocalDate b) {
            covered.set(index(origin, a), index(origin, b) + 1);
        }

        void failed(LocalDate origin, LocalDate a, LocalDate b, String reason) {
            int start = index(origin, a);
            failed.set(start, index(origin, b) + 1);
            reasons.putIfAbsent(start, reason);
        }

        private static int index(LocalDate origin, LocalDate d) {
            return (int) Math.max(0, d.toEpochDay() - origin.toEpochDay());
        }

        /** The failed stretches (with a unit's reason), then the days nothing covers. */
        void gaps(String uf, int modalidade, LocalDate from, LocalDate to, List<UncoveredRange> out) {
            int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
            for (int s = failed.nextSetBit(0); s >= 0 && s < days; s = failed.nextSetBit(s)) {
                int e = Math.min(days, failed.nextClearBit(s));
                Map.Entry<Integer, String> unit = reasons.floorEntry(s);
                String reason = (unit != null ? unit : reasons.firstEntry()).getValue();
                out.add(new UncoveredRange(
                        uf,
                        modalidade,
                        from.plusDays(s).toString(),
                        from.plusDays(e - 1L).toString(),
                        "falha na indexação" + (reason == null ? "" : ": " + reason)));
                s = e;
            }
            BitSet open = new BitSet();
            open.set(0, days);
            open.andNot(covered);
            open.andNot(failed);
            for (int s = open.nextSetBit(0); s >= 0; s = open.nextSetBit(s)) {
                int e = open.nextClearBit(s);
                out.add(new UncoveredRange(
                        uf,
                        modalidade,
                        from.plusDays(s).toString(),
                        from.plusDays(e - 1L).toString(),
                        "período ainda não indexado"));
                s = e;
            }
        }

        void failures(String uf, int modalidade, List<UncoveredRange> out) {
            for (String[] f : failedUnits) {
                out.add(new UncoveredRange(
                        uf, modalidade, f[0], f[1], "falha na indexação" + (f[2] == null ? "" : ": " + f[2])));
            }
        }
    }

    /** The WHERE clause of a {@link NoticeQuery}, with its parameters in order. */
    private record Where(String sql, List<Object> params) {

        static Where of(NoticeQuery q) {
            StringBuilder sql = new StringBuilder(" WHERE uf" + in(q.ufs().size()) + " AND modalidade"
                    + in(q.modalidades().size()));
            List<Object> params = new ArrayList<>(q.ufs());
            params.addAll(q.modalidades());
            if (q.publishedFrom() != null) {
                sql.append(" AND data_publicacao >= ?");
                params.add(q.publishedFrom().atStartOfDay());
            }
            if (q.publishedTo() != null) {
                sql.append(" AND data_publicacao < ?");
                params.add(q.publishedTo().plusDays(1).atStartOfDay());
            }
            // The filters read a missing value as zero.
            if (q.valorMinimo() != null) {
                sql.append(" AND COALESCE(valor_estimado, 0) >= ?");
                params.add(q.valorMinimo());
            }
            if (q.valorMaximo() != null) {
                sql.append(" AND COALESCE(valor_estimado, 0) <= ?");
                params.add(q.valorMaximo());
            }
            in(sql, params, "esfera", q.esferas());
            in(sql, params, "codigo_ibge", q.municipios());
            in(sql, params, "orgao_cnpj", q.cnpjs());
            if (q.deadlineNotBefore() != null) {
                sql.append(" AND (data_encerramento IS NULL OR data_encerramento >= ?)");
                params.add(q.deadlineNotBefore());
            }
            if (q.deadlineAfter() != null) {
                sql.append(" AND data_encerramento > ?");
                params.add(q.deadlineAfter());
            }
            return new Where(sql.toString(), params);
        }

        /** "= ?" for one value (a plain seek for every planner), "IN (?, …)" for more. */
        private static String in(int n) {
            return n == 1 ? " = ?" : " IN (" + marks(n) + ")";
        }

        private static void in(StringBuilder sql, List<Object> params, String column, java.util.Set<String> values) {
            if (!values.isEmpty()) {
                List<String> sorted = values.stream().sorted().toList();
                sql.append(" AND ")
                        .append(column)
                        .append(" IN (")
                        .append(marks(sorted.size()))
                        .append(')');
                params.addAll(sorted);
            }
        }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
        }
    }
}
