package br.com.bidiq.search.entity;

import br.com.bidiq.filtering.entity.FilterOutcome.Accepted;
import br.com.bidiq.pncp.control.NoticeLinks;
import br.com.bidiq.pncp.entity.PncpRecord;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One tender in a search result, as the API, the page and the Excel report show it. Dates are Brasília local.
 * {@code valor} is null when PNCP discloses no value: it sends 0 for a sigiloso budget (its list records carry no
 * sigilo flag) and for one never informed, and neither is "R$ 0,00".
 */
@JsonbPropertyOrder({"pncpId", "objeto", "orgao", "uf", "municipio", "codigoIbge", "esfera", "valor", "modalidade",
        "modalidadeId", "situacao", "status", "dataPublicacao", "dataAbertura", "dataEncerramento",
        "diasRestantes", "urgencia", "link", "relevanceScore", "matchedTerms"})
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

    static final int MAX_OBJETO = 500;
    private static final java.time.format.DateTimeFormatter ISO_SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public static Licitacao of(Accepted a, LocalDate today) {
        PncpRecord r = a.record();
        Integer dias = r.dataEncerramento() == null ? null
                : (int) ChronoUnit.DAYS.between(today, r.dataEncerramento().toLocalDate());
        String objeto = r.objeto() == null ? "" : r.objeto();
        if (objeto.length() > MAX_OBJETO) {
            objeto = objeto.substring(0, MAX_OBJETO - 1) + "…";
        }
        String orgao = r.orgaoRazaoSocial() != null ? r.orgaoRazaoSocial() : r.nomeUnidade();
        return new Licitacao(r.numeroControlePncp(), objeto, orgao, r.uf(), r.municipio(), r.codigoIbge(),
                r.esferaId(), disclosed(r.valorTotalEstimado()), r.modalidadeNome(), r.modalidadeId(), r.situacaoCompraNome(),
                a.status().wire(), iso(r.dataPublicacao()), iso(r.dataAbertura()), iso(r.dataEncerramento()), dias,
                urgency(dias), NoticeLinks.of(r), Math.round(a.relevance() * 1000) / 1000.0, a.matchedTerms());
    }

    static BigDecimal disclosed(BigDecimal valor) {
        return valor == null || valor.signum() <= 0 ? null : valor;
    }

    static String urgency(Integer dias) {
        if (dias == null) {
            return null;
        }
        if (dias < 0) {
            return "encerrada";
        }
        if (dias < 7) {
            return "critica";
        }
        if (dias < 14) {
            return "alta";
        }
        return dias <= 30 ? "media" : "baixa";
    }

    /** Always with seconds ("2026-10-05T08:59:00"): LocalDateTime.toString drops ":00". */
    private static String iso(LocalDateTime t) {
        return t == null ? null : ISO_SECONDS.format(t);
    }

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
