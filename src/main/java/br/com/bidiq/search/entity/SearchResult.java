package br.com.bidiq.search.entity;

import br.com.bidiq.filtering.entity.FilterStats;
import br.com.bidiq.pncp.entity.FailedUnit;
import br.com.bidiq.report.entity.Resumo;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/** A finished search (the reference's BuscaResponse, plus the PNCP units that failed). */
@JsonbPropertyOrder({"resumo", "licitacoes", "totalRaw", "totalFiltrado", "filterStats", "unidadesComFalha",
        "requisicoesPncp", "downloadId", "downloadUrl", "excelBase64", "excelAvailable", "termosUtilizados",
        "stopwordsRemovidas", "termosIgnorados", "hiddenByMinMatch", "filterRelaxed", "ultimaAtualizacao"})
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
        @JsonbProperty("ultima_atualizacao") String ultimaAtualizacao) {
}
