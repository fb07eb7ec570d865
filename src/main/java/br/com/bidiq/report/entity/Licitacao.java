package br.com.bidiq.report.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One tender in a search result, as the API, the page and the Excel report show it. Dates are Brasília local.
 * {@code valor} is null when PNCP discloses no value: it sends 0 for a sigiloso budget (its list records carry no
 * sigilo flag) and for one never informed, and neither is "R$ 0,00".
 */
@JsonbPropertyOrder({
    "pncpId",
    "objeto",
    "orgao",
    "uf",
    "municipio",
    "codigoIbge",
    "esfera",
    "valor",
    "modalidade",
    "modalidadeId",
    "situacao",
    "status",
    "dataPublicacao",
    "dataAbertura",
    "dataEncerramento",
    "diasRestantes",
    "urgencia",
    "link",
    "relevanceScore",
    "matchedTerms"
})
public record Licitacao(
        @JsonbProperty("pncp_id") String pncpId,
        @JsonbProperty("objeto") String objeto,
        @JsonbProperty("orgao") String orgao,
        @JsonbProperty("uf") String uf,
        @JsonbProperty("municipio") String municipio,
        @JsonbProperty("codigo_ibge") String codigoIbge,
        @JsonbProperty("esfera") String esfera,
        @JsonbProperty("valor") BigDecimal valor,
        @JsonbProperty("modalidade") String modalidade,
        @JsonbProperty("modalidade_id") int modalidadeId,
        @JsonbProperty("situacao") String situacao,
        @JsonbProperty("status") String status,
        @JsonbProperty("data_publicacao") String dataPublicacao,
        @JsonbProperty("data_abertura") String dataAbertura,
        @JsonbProperty("data_encerramento") String dataEncerramento,
        @JsonbProperty("dias_restantes") Integer diasRestantes,
        @JsonbProperty("urgencia") String urgencia,
        @JsonbProperty("link") String link,
        @JsonbProperty("relevance_score") double relevanceScore,
        @JsonbProperty("matched_terms") List<String> matchedTerms) {

    public LocalDateTime publicacao() {
        return parse(dataPublicacao);
    }

    public LocalDateTime abertura() {
        return parse(dataAbertura);
    }

    public LocalDateTime encerramento() {
        return parse(dataEncerramento);
    }

    private static LocalDateTime parse(String s) {
        return s == null ? null : LocalDateTime.parse(s);
    }
}
