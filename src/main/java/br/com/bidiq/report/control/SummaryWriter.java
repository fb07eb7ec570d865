package br.com.bidiq.report.control;

import br.com.bidiq.report.entity.Licitacao;
import br.com.bidiq.report.entity.Resumo;
import br.com.bidiq.report.entity.SearchSubject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The deterministic executive summary: totals, the three largest tenders and an urgency alert for the nearest
 * deadline within 7 days. Deadlines already past never produce an alert, so days are never negative. Undisclosed
 * values (sigiloso or not informed: PNCP sends 0) count as notices but never as money.
 */
public final class SummaryWriter {

    static final int URGENT_DAYS = 7;
    static final int HIGHLIGHT_OBJECT_CHARS = 120;

    private SummaryWriter() {}

    public static Resumo summarize(List<Licitacao> items, SearchSubject subject, LocalDateTime now) {
        return summarize(items, subject, now, 0);
    }

    /** With failed PNCP queries, the text says the result may be incomplete: an empty result is not "nothing". */
    public static Resumo summarize(List<Licitacao> items, SearchSubject subject, LocalDateTime now, int failedQueries) {
        String caveat = failedQueries == 0
                ? ""
                : " Atenção: " + failedQueries
                        + (failedQueries == 1 ? " consulta ao PNCP falhou" : " consultas ao PNCP falharam")
                        + "; o resultado pode estar incompleto.";
        Resumo r = summarizeFound(items, subject, now);
        return caveat.isEmpty()
                ? r
                : new Resumo(
                        r.resumoExecutivo() + caveat,
                        r.totalOportunidades(),
                        r.valorTotal(),
                        r.semValor(),
                        r.destaques(),
                        r.alertaUrgencia());
    }

    private static Resumo summarizeFound(List<Licitacao> items, SearchSubject subject, LocalDateTime now) {
        if (items.isEmpty()) {
            return new Resumo(
                    "Nenhuma licitação " + subject.phrase() + " encontrada nos estados selecionados "
                            + (subject.openNow() ? "com prazo de proposta aberto." : "no período informado."),
                    0,
                    BigDecimal.ZERO,
                    0,
                    List.of(),
                    null);
        }
        BigDecimal total = total(items);
        int undisclosed = undisclosed(items);
        String text = (items.size() == 1 ? "Encontrada 1 licitação " : "Encontradas " + items.size() + " licitações ")
                + subject.phrase() + (subject.openNow() ? " com prazo de proposta aberto" : "") + ", totalizando "
                + Reais.format(total) + undisclosedNote(undisclosed) + ".";
        List<String> destaques = items.stream()
                .filter(i -> i.valor() != null)
                .sorted(Comparator.comparing(Licitacao::valor).reversed())
                .limit(3)
                .map(SummaryWriter::highlight)
                .toList();
        return new Resumo(text, items.size(), total, undisclosed, destaques, urgency(items, now));
    }

    /** The sum of the disclosed values. */
    public static BigDecimal total(List<Licitacao> items) {
        return items.stream().map(Licitacao::valor).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static int undisclosed(List<Licitacao> items) {
        return (int) items.stream().filter(i -> i.valor() == null).count();
    }

    static String undisclosedNote(int undisclosed) {
        if (undisclosed == 0) {
            return "";
        }
        return undisclosed == 1
                ? " (1 licitação com valor sigiloso ou não informado fica fora do total)"
                : " (" + undisclosed + " licitações com valor sigiloso ou não informado ficam fora do total)";
    }

    /** "R$ 5.200.000,00 · Aquisição de uniformes escolares… · Município de Lages (SC)". */
    static String highlight(Licitacao i) {
        String objeto = i.objeto() == null ? "" : i.objeto().strip();
        if (objeto.length() > HIGHLIGHT_OBJECT_CHARS) {
            objeto = objeto.substring(0, HIGHLIGHT_OBJECT_CHARS - 1).strip() + "…";
        }
        String where = i.uf() == null || i.uf().isBlank() ? "" : " (" + i.uf() + ")";
        return Reais.format(i.valor()) + " · " + (objeto.isEmpty() ? "Objeto não informado" : objeto) + " · " + orgao(i)
                + where;
    }

    private static String urgency(List<Licitacao> items, LocalDateTime now) {
        List<Licitacao> urgent = items.stream()
                .filter(i -> i.encerramento() != null
                        && !i.encerramento().isBefore(now)
                        && ChronoUnit.DAYS.between(
                                        now.toLocalDate(), i.encerramento().toLocalDate())
                                < URGENT_DAYS)
                .sorted(Comparator.comparing(Licitacao::encerramento))
                .toList();
        if (urgent.isEmpty()) {
            return null;
        }
        Licitacao first = urgent.get(0);
        long days =
                ChronoUnit.DAYS.between(now.toLocalDate(), first.encerramento().toLocalDate());
        String when = days == 0 ? "encerra hoje" : "encerra em " + days + (days == 1 ? " dia" : " dias");
        String count = urgent.size() == 1 ? "1 licitação encerra" : urgent.size() + " licitações encerram";
        return "⚠️ Atenção: " + count + " em menos de " + URGENT_DAYS + " dias. A mais próxima " + when + " - "
                + orgao(first) + ".";
    }

    private static String orgao(Licitacao i) {
        return i.orgao() == null || i.orgao().isBlank() ? "Órgão não informado" : i.orgao();
    }
}
