package br.com.bidiq.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.report.entity.Resumo;
import br.com.bidiq.search.entity.Licitacao;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryWriterTest {

    static final LocalDateTime NOW = LocalDateTime.parse("2026-11-29T10:00:00");

    static Licitacao item(String id, String orgao, String valor, String encerramento) {
        return new Licitacao(id, "Uniformes", orgao, "SC", "Lages", "4209300", "M", new BigDecimal(valor),
                "Pregão - Eletrônico", 6, "Divulgada no PNCP", "recebendo_proposta", "2026-11-20T08:00:00", null,
                encerramento, null, null, "https://pncp.gov.br/app/editais", 1.0, List.of("uniforme"));
    }

    @Test
    void formatsMoneyTheBrazilianWay() {
        assertEquals("R$ 1.234.567,89", Reais.format(new BigDecimal("1234567.885")));
        assertEquals("R$ 0,00", Reais.format(null));
    }

    @Test
    void summarizesTotalsAndTheThreeLargest() {
        Resumo r = SummaryWriter.summarize(List.of(item("1", "A", "1000.50", null), item("2", "B", "5000", null),
                item("3", "", "2500", null), item("4", "D", "10", null)), "Vestuário e Uniformes", NOW);

        assertEquals("Encontradas 4 licitações de Vestuário e Uniformes totalizando R$ 8.510,50.",
                r.resumoExecutivo());
        assertEquals(4, r.totalOportunidades());
        assertEquals(0, new BigDecimal("8510.50").compareTo(r.valorTotal()));
        assertEquals(List.of("B: R$ 5.000,00", "Órgão não informado: R$ 2.500,00", "A: R$ 1.000,50"),
                r.destaques());
        assertNull(r.alertaUrgencia());
    }

    @Test
    void urgencyUsesTheNearestFutureDeadlineAndNeverNegativeDays() {
        Resumo r = SummaryWriter.summarize(List.of(
                item("past", "Passado", "1", "2026-11-20T10:00:00"),
                item("far", "Longe", "1", "2026-12-20T10:00:00"),
                item("soon", "Prefeitura X", "1", "2026-12-02T09:00:00"),
                item("today", "Hoje", "1", "2026-11-29T18:00:00")), "Saúde", NOW);

        assertEquals("⚠️ Atenção: 2 licitações encerram em menos de 7 dias. A mais próxima encerra hoje - Hoje.",
                r.alertaUrgencia());
        Resumo one = SummaryWriter.summarize(List.of(item("soon", "Prefeitura X", "1", "2026-12-02T09:00:00")),
                "Saúde", NOW);
        assertTrue(one.alertaUrgencia().contains("encerra em 3 dias - Prefeitura X"), one.alertaUrgencia());
        assertTrue(one.resumoExecutivo().startsWith("Encontrada 1 licitação de Saúde"));
    }

    @Test
    void failedPncpQueriesAreMentioned() {
        Resumo r = SummaryWriter.summarize(List.of(), "Saúde", NOW, 2);
        assertTrue(r.resumoExecutivo().endsWith("Atenção: 2 consultas ao PNCP falharam; o resultado pode estar"
                + " incompleto."), r.resumoExecutivo());
    }

    @Test
    void emptyResultSaysSo() {
        Resumo r = SummaryWriter.summarize(List.of(), "Vestuário e Uniformes", NOW);
        assertEquals("Nenhuma licitação de vestuário e uniformes encontrada nos estados selecionados para o período"
                + " informado.", r.resumoExecutivo());
        assertEquals(0, r.totalOportunidades());
    }
}
