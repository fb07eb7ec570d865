package br.com.bidiq.filtering.control;

import br.com.bidiq.filtering.entity.StatusLicitacao;
import br.com.bidiq.pncp.entity.PncpRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Infers whether a tender is receiving proposals, being judged or closed. PNCP's situação says "Divulgada no PNCP"
 * for open and closed purchases alike, so the dates decide, in Brasília time.
 */
public final class StatusInference {

    public static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    private static final List<String> CLOSED = List.of("homologada", "adjudicada", "concluida", "anulada",
            "revogada", "cancelada", "fracassada", "deserta", "suspensa");
    private static final List<String> JUDGING = List.of("julgamento", "analise", "classificacao", "habilitacao");
    private static final List<String> OPEN = List.of("recebendo", "aberta", "vigente", "ativa", "em andamento");

    private final Clock clock;

    public StatusInference(Clock clock) {
        this.clock = clock;
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(BRASILIA));
    }

    public StatusLicitacao infer(PncpRecord r) {
        String situacao = TextNormalizer.normalize(r.situacaoCompraNome());
        if (r.valorTotalHomologado() != null && r.valorTotalHomologado().compareTo(BigDecimal.ZERO) > 0) {
            return StatusLicitacao.ENCERRADA;
        }
        if (situacao.contains("propostas encerradas") || situacao.contains("proposta encerrada")) {
            return StatusLicitacao.EM_JULGAMENTO;
        }
        if (CLOSED.stream().anyMatch(situacao::contains) || situacao.endsWith("encerrada")) {
            return StatusLicitacao.ENCERRADA;
        }
        LocalDateTime now = now();
        LocalDateTime abertura = r.dataAbertura();
        LocalDateTime encerramento = r.dataEncerramento();
        if (abertura != null && encerramento != null) {
            return now.isBefore(encerramento) ? StatusLicitacao.RECEBENDO_PROPOSTA : StatusLicitacao.EM_JULGAMENTO;
        }
        if (encerramento != null) {
            if (!now.isBefore(encerramento)) {
                return StatusLicitacao.EM_JULGAMENTO;
            }
            boolean stale = r.dataPublicacao() != null && r.dataPublicacao().isBefore(now.minusDays(90));
            return stale ? StatusLicitacao.EM_JULGAMENTO : StatusLicitacao.RECEBENDO_PROPOSTA;
        }
        if (JUDGING.stream().anyMatch(situacao::contains)) {
            return StatusLicitacao.EM_JULGAMENTO;
        }
        if (OPEN.stream().anyMatch(situacao::contains)) {
            return StatusLicitacao.RECEBENDO_PROPOSTA;
        }
        return StatusLicitacao.TODOS;
    }

    /**
     * The safety net for "recebendo_proposta": a deadline in the past never passes; without a deadline, only a
     * recent opening or publication does.
     */
    public boolean plausiblyOpen(PncpRecord r) {
        LocalDateTime now = now();
        if (r.dataEncerramento() != null) {
            return !r.dataEncerramento().isBefore(now);
        }
        if (r.dataAbertura() != null) {
            if (!r.dataAbertura().isBefore(now.minusDays(15))) {
                return true;
            }
            return !r.dataAbertura().isBefore(now.minusDays(30))
                    && TextNormalizer.normalize(r.situacaoCompraNome()).contains("recebendo");
        }
        return r.dataPublicacao() != null && !r.dataPublicacao().isBefore(now.minusDays(15));
    }
}
