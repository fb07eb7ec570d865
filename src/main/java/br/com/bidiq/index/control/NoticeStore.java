package br.com.bidiq.index.control;

import br.com.bidiq.filtering.control.TextNormalizer;
import br.com.bidiq.index.entity.IndexedNotice;
import br.com.bidiq.pncp.entity.PncpRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes notices in JDBC batches. An upsert keeps the newest version by {@code dataAtualizacaoGlobal}: an older
 * version never overwrites a newer one, and writing the same version again changes nothing but {@code last_seen_at}.
 */
final class NoticeStore {

    private static final String COLUMNS = "numero_controle, uf, codigo_ibge, municipio, esfera, modalidade, "
            + "orgao_cnpj, orgao_nome, unidade_nome, valor_estimado, valor_homologado, data_publicacao, data_abertura, "
            + "data_encerramento, situacao_id, situacao_nome, data_atualizacao_global, objeto, texto_normalizado, raw, "
            + "modalidade_nome, link_sistema_origem, link_processo_eletronico, ano_compra, sequencial_compra, "
            + "first_seen_at, last_seen_at";
    private static final String[] UPDATED = {
        "uf",
        "codigo_ibge",
        "municipio",
        "esfera",
        "modalidade",
        "orgao_cnpj",
        "orgao_nome",
        "unidade_nome",
        "valor_estimado",
        "valor_homologado",
        "data_publicacao",
        "data_abertura",
        "data_encerramento",
        "situacao_id",
        "situacao_nome",
        "data_atualizacao_global",
        "objeto",
        "texto_normalizado",
        "raw",
        "modalidade_nome",
        "link_sistema_origem",
        "link_processo_eletronico",
        "ano_compra",
        "sequencial_compra",
        "last_seen_at"
    };

    private static final String POSTGRES_UPSERT = "INSERT INTO notices (" + COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (numero_controle) DO UPDATE SET " + assignments("EXCLUDED")
            + " WHERE notices.data_atualizacao_global <= EXCLUDED.data_atualizacao_global";

    private static final String H2_UPSERT = "MERGE INTO notices n USING (VALUES (CAST(? AS VARCHAR(60)), "
            + "CAST(? AS CHAR(2)), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), "
            + "CAST(? AS SMALLINT), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), "
            + "CAST(? AS NUMERIC(20, 4)), CAST(? AS NUMERIC(20, 4)), CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), "
            + "CAST(? AS TIMESTAMP), CAST(? AS SMALLINT), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP), "
            + "CAST(? AS CLOB), CAST(? AS CLOB), CAST(? AS CLOB), CAST(? AS VARCHAR), CAST(? AS VARCHAR), "
            + "CAST(? AS VARCHAR), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS TIMESTAMP WITH TIME ZONE), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s(" + COLUMNS + ") ON n.numero_controle = s.numero_controle "
            + "WHEN MATCHED AND n.data_atualizacao_global <= s.data_atualizacao_global THEN UPDATE SET "
            + assignments("s") + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (" + prefixed("s") + ")";

    private final DatabaseUrl.Vendor vendor;

    NoticeStore(DatabaseUrl.Vendor vendor) {
        this.vendor = vendor;
    }

    /** Upserts the notices in one batch on the caller's connection (and transaction). */
    void upsert(Connection c, List<IndexedNotice> notices, OffsetDateTime seenAt) throws SQLException {
        if (notices.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement(vendor == DatabaseUrl.Vendor.POSTGRESQL ? POSTGRES_UPSERT : H2_UPSERT)) {
            for (IndexedNotice n : newestFirstById(notices)) {
                bind(ps, n, seenAt);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * One row per id (the newest), in id order: one statement may not touch a row twice, and a fixed order keeps two
     * concurrent batches from deadlocking.
     */
    private static List<IndexedNotice> newestFirstById(List<IndexedNotice> notices) {
        Map<String, IndexedNotice> byId = new LinkedHashMap<>();
        for (IndexedNotice n : notices) {
            byId.merge(n.id(), n, (a, b) -> a.record().newest(b.record()) == b.record() ? b : a);
        }
        List<IndexedNotice> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(IndexedNotice::id));
        return sorted;
    }

    private static void bind(PreparedStatement ps, IndexedNotice n, OffsetDateTime seenAt) throws SQLException {
        PncpRecord r = n.record();
        int i = 1;
        ps.setString(i++, r.numeroControlePncp());
        ps.setString(i++, r.uf());
        ps.setString(i++, r.codigoIbge());
        ps.setString(i++, r.municipio());
        ps.setString(i++, r.esferaId());
        ps.setInt(i++, r.modalidadeId());
        ps.setString(i++, r.orgaoCnpj());
        ps.setString(i++, r.orgaoRazaoSocial());
        ps.setString(i++, r.nomeUnidade());
        ps.setBigDecimal(i++, r.valorTotalEstimado());
        ps.setBigDecimal(i++, r.valorTotalHomologado());
        setTime(ps, i++, r.dataPublicacao());
        setTime(ps, i++, r.dataAbertura());
        setTime(ps, i++, r.dataEncerramento());
        if (r.situacaoCompraId() == null) {
            ps.setNull(i++, Types.SMALLINT);
        } else {
            ps.setInt(i++, r.situacaoCompraId());
        }
        ps.setString(i++, r.situacaoCompraNome());
        setTime(ps, i++, r.dataAtualizacaoGlobal());
        ps.setString(i++, r.objeto());
        ps.setString(i++, TextNormalizer.normalize(r.objeto()));
        ps.setString(i++, n.rawJson());
        ps.setString(i++, r.modalidadeNome());
        ps.setString(i++, r.linkSistemaOrigem());
        ps.setString(i++, r.linkProcessoEletronico());
        NoticeDisplayColumns.setInteger(ps, i++, r.anoCompra());
        NoticeDisplayColumns.setInteger(ps, i++, r.sequencialCompra());
        ps.setObject(i++, seenAt);
        ps.setObject(i, seenAt);
    }

    private static void setTime(PreparedStatement ps, int i, LocalDateTime t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP);
        } else {
            ps.setObject(i, t);
        }
    }

    private static String assignments(String source) {
        StringBuilder sb = new StringBuilder();
        for (String col : UPDATED) {
            sb.append(sb.isEmpty() ? "" : ", ")
                    .append(col)
                    .append(" = ")
                    .append(source)
                    .append('.')
                    .append(col);
        }
        return sb.toString();
    }

    private static String prefixed(String source) {
        StringBuilder sb = new StringBuilder();
        for (String col : COLUMNS.split(", ")) {
            sb.append(sb.isEmpty() ? "" : ", ").append(source).append('.').append(col);
        }
        return sb.toString();
    }
}
