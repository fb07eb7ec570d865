package br.com.bidiq.report.control;

import br.com.bidiq.filtering.entity.FilterOutcome.Accepted;
import br.com.bidiq.pncp.control.NoticeLinks;
import br.com.bidiq.pncp.entity.PncpRecord;
import br.com.bidiq.report.entity.Licitacao;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** An accepted PNCP record as a result row: the values shown, the days left and their urgency, the notice link. */
public final class LicitacaoMapping {

    static final int MAX_OBJETO = 500;
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private LicitacaoMapping() {}

    public static Licitacao of(Accepted a, LocalDate today) {
        PncpRecord r = a.record();
        Integer dias = r.dataEncerramento() == null
                ? null
                : (int) ChronoUnit.DAYS.between(today, r.dataEncerramento().toLocalDate());
        String objeto = r.objeto() == null ? "" : r.objeto();
        if (objeto.length() > MAX_OBJETO) {
            objeto = objeto.substring(0, MAX_OBJETO - 1) + "…";
        }
        String orgao = r.orgaoRazaoSocial() != null ? r.orgaoRazaoSocial() : r.nomeUnidade();
        return new Licitacao(
                r.numeroControlePncp(),
                objeto,
                orgao,
                r.uf(),
                r.municipio(),
                r.codigoIbge(),
                r.esferaId(),
                disclosed(r.valorTotalEstimado()),
                r.modalidadeNome(),
                r.modalidadeId(),
                r.situacaoCompraNome(),
                a.status().wire(),
                iso(r.dataPublicacao()),
                iso(r.dataAbertura()),
                iso(r.dataEncerramento()),
                dias,
                urgency(dias),
                NoticeLinks.of(r),
                Math.round(a.relevance() * 1000) / 1000.0,
                a.matchedTerms());
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
}
