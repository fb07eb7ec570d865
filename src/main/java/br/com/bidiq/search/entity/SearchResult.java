package br.com.bidiq.search.entity;

import br.com.bidiq.filtering.entity.FilterStats;
import br.com.bidiq.index.entity.UncoveredRange;
import br.com.bidiq.pncp.entity.FailedUnit;
import br.com.bidiq.report.entity.Licitacao;
import br.com.bidiq.report.entity.Resumo;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A finished search (the reference's BuscaResponse, plus the PNCP units that failed). {@code fonte} says what
 * answered ({@code indice} or {@code pncp}); {@code dadosAtualizadosEm} when that data was last fresh from PNCP (the
 * live fetch's end, or the index's stalest UF x modality); {@code fonteMotivo} why {@code auto} went live;
 * {@code indiceNaoCoberto} what an index answer could not cover (empty when it covered everything, null for live).
 * {@code incompleta} is true when some PNCP query failed or the index lacked part of the request: the notices listed
 * are real, but others may be missing. {@code rotuloBusca} names what was searched: the sector, or the user's terms.
 */
@JsonbPropertyOrder({
    "resumo",
    "licitacoes",
    "totalRaw",
    "totalFiltrado",
    "filterStats",
    "unidadesComFalha",
    "requisicoesPncp",
    "downloadId",
    "downloadUrl",
    "excelBase64",
    "excelAvailable",
    "termosUtilizados",
    "stopwordsRemovidas",
    "termosIgnorados",
    "hiddenByMinMatch",
    "filterRelaxed",
    "ultimaAtualizacao",
    "fonte",
    "dadosAtualizadosEm",
    "fonteMotivo",
    "indiceNaoCoberto",
    "incompleta",
    "rotuloBusca"
})
public record SearchResult(
        @JsonbProperty("resumo") Resumo resumo,
        @JsonbProperty("licitacoes") List<Licitacao> licitacoes,
        @JsonbProperty("total_raw") int totalRaw,
        @JsonbProperty("total_filtrado") int totalFiltrado,
        @JsonbProperty("filter_stats") FilterStats filterStats,
        @JsonbProperty("unidades_com_falha") List<FailedUnit> unidadesComFalha,
        @JsonbProperty("requisicoes_pncp") int requisicoesPncp,
        @JsonbProperty("download_id") String downloadId,
        @JsonbProperty("download_url") String downloadUrl,
        @JsonbProperty("excel_base64") String excelBase64,
        @JsonbProperty("excel_available") boolean excelAvailable,
        @JsonbProperty("termos_utilizados") List<String> termosUtilizados,
        @JsonbProperty("stopwords_removidas") List<String> stopwordsRemovidas,
        @JsonbProperty("termos_ignorados") Map<String, String> termosIgnorados,
        @JsonbProperty("hidden_by_min_match") Integer hiddenByMinMatch,
        @JsonbProperty("filter_relaxed") Boolean filterRelaxed,
        @JsonbProperty("ultima_atualizacao") String ultimaAtualizacao,
        @JsonbProperty("fonte") String fonte,
        @JsonbProperty("dados_atualizados_em") String dadosAtualizadosEm,
        @JsonbProperty("fonte_motivo") String fonteMotivo,
        @JsonbProperty("indice_nao_coberto") List<UncoveredRange> indiceNaoCoberto,
        @JsonbProperty("incompleta") boolean incompleta,
        @JsonbProperty("rotulo_busca") String rotuloBusca) {}
