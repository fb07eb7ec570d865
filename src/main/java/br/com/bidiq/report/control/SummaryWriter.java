package br.com.bidiq.report.control;

import br.com.bidiq.report.entity.Resumo;
import br.com.bidiq.search.entity.Licitacao;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The deterministic executive summary: totals, the three largest tenders and an urgency alert for the nearest
 * deadline within 7 days. Deadlines already past never produce an alert, so days are never negative.
 */
public final class SummaryWriter {

    static final int URGENT_DAYS = 7;

    private SummaryWriter() {
    }

    public static Resumo summarize(List<Licitacao> items, String sectorName, LocalDateTime now) {
        return summarize(items, sectorName, now, 0);
    }

    /** With failed PNCP queries, the text says the result may be incomplete: an empty result is not "nothing". */
    public static Resumo summarize(List<Licitacao> items, String sectorName, LocalDateTime now, int failedQueries) {
        String caveat = failedQueries == 0 ? "" : " Atenção: " + failedQueries
                + (failedQueries == 1 ? " consulta ao PNCP falhou" : " consultas ao PNCP falharam")
                + "; o resultado pode estar incompleto.";
        Resumo r = summarizeFound(items, sectorName, now);
        return caveat.isEmpty() ? r : new Resumo(r.resumoExecutivo() + caveat, r.totalOportunidades(),
                r.valorTotal(), r.destaques(), r.alertaUrgencia());
    }

    private static Resumo summarizeFound(List<Licitacao> items, String sectorName, LocalDateTime now) {
        if (items.isEmpty()) {
            return new Resumo("Nenhuma licitação de " + sectorName.toLowerCase(Locale.forLanguageTag("pt-BR"))
                    + " encontrada nos estados selecionados para o período informado.", 0, BigDecimal.ZERO,
                    List.of(), null);
        }
        BigDecimal total = items.stream().map(Licitacao::valor).reduce(BigDecimal.ZERO, BigDecimal::add);
        String text = items.size() == 1
                ? "Encontrada 1 licitação de " + sectorName + " totalizando " + Reais.format(total) + "."
                : "Encontradas " + items.size() + " licitações de " + sectorName + " totalizando "
                        + Reais.format(total) + ".";
        List<String> destaques = items.stream()
                .filter(i -> i.valor().signum() > 0)
                .sorted(Comparator.comparing(Licitacao::valor).reversed())
                .limit(3)
                .map(i -> orgao(i) + ": " + Reais.format(i.valor()))
                .toList();
        return new Resumo(text, items.size(), total, destaques, urgency(items, now));
    }

    private static String urgency(List<Licitacao> items, LocalDateTime now) {
        List<Licitacao> urgent = items.stream()
                .filter(i -> i.encerramento() != null && !i.encerramento().isBefore(now)
                        && ChronoUnit.DAYS.between(now.toLocalDate(), i.encerramento().toLocalDate()) < URGENT_DAYS)
                .sorted(Comparator.comparing(Licitacao::encerramento))
                .toList();
        if (urgent.isEmpty()) {
            return null;
        }
        Licitacao first = urgent.get(0);
        long days = ChronoUnit.DAYS.between(now.toLocalDate(), first.encerramento().toLocalDate());
        String when = days == 0 ? "encerra hoje" : "encerra em " + days + (days == 1 ? " dia" : " dias");
        String count = urgent.size() == 1 ? "1 licitação encerra" : urgent.size() + " licitações encerram";
        return "⚠️ Atenção: " + count + " em menos de " + URGENT_DAYS + " dias. A mais próxima " + when + " - "
                + orgao(first) + ".";
    }

    private static String orgao(Licitacao i) {
        return i.orgao() == null || i.orgao().isBlank() ? "Órgão não informado" : i.orgao();
    }
}
