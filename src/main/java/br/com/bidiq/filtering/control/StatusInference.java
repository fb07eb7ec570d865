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
    private static final List<String> CLOSED = List.of(
            "homologada",
            "adjudicada",
            "concluida",
            "anulada",
            "revogada",
            "cancelada",
            "fracassada",
            "deserta",
            "suspensa");
    private static final List<String> JUDGING = List.of("julgamento", "analise", "classificacao", "habilitacao");
    private static final List<String> OPEN = List.of("recebendo", "aberta", "vigente", "ativa", "em andamento");

    private static final java.util.Map<String, String> SITUACOES = new java.util.concurrent.ConcurrentHashMap<>();

    private final Clock clock;

    public StatusInference(Clock clock) {
        this.clock = clock;
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(BRASILIA));
    }

    public StatusLicitacao infer(PncpRecord r) {
        String situacao = situacao(r);
        StatusLicitacao declared = bySituacao(r, situacao);
        if (declared != null) {
            return declared;
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

    /** Closed or judging by what PNCP says (a homologated value, the situação), whatever the dates say. */
    public boolean closedBySituacao(PncpRecord r) {
        return bySituacao(r, situacao(r)) != null;
    }

    /**
     * "Abertas agora": the proposal deadline is still ahead (strictly after now, Brasília time) and PNCP does not say
     * the tender is closed or judged. Without a deadline nobody can say it is open, so it is not.
     */
    public boolean openNow(PncpRecord r) {
        return r.dataEncerramento() != null && now().isBefore(r.dataEncerramento()) && !closedBySituacao(r);
    }

    private static StatusLicitacao bySituacao(PncpRecord r, String situacao) {
        if (r.valorTotalHomologado() != null && r.valorTotalHomologado().compareTo(BigDecimal.ZERO) > 0) {
            return StatusLicitacao.ENCERRADA;
        }
        if (situacao.contains("propostas encerradas") || situacao.contains("proposta encerrada")) {
            return StatusLicitacao.EM_JULGAMENTO;
        }
        if (CLOSED.stream().anyMatch(situacao::contains) || situacao.endsWith("encerrada")) {
            return StatusLicitacao.ENCERRADA;
        }
        return null;
    }

    /** PNCP uses a handful of situação names: each is normalized once, not once per record. */
    private static String situacao(PncpRecord r) {
        String raw = r.situacaoCompraNome();
        if (raw == null) {
            return "";
        }
        String known = SITUACOES.get(raw);
        if (known != null) {
            return known;
        }
        String normal = TextNormalizer.normalize(raw);
        if (SITUACOES.size() < 1_000) {
            SITUACOES.put(raw, normal);
        }
        return normal;
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
            return !r.dataAbertura().isBefore(now.minusDays(30)) && situacao(r).contains("recebendo");
        }
        return r.dataPublicacao() != null && !r.dataPublicacao().isBefore(now.minusDays(15));
    }
}
