package br.com.bidiq.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.report.entity.Licitacao;
import br.com.bidiq.report.entity.Resumo;
import br.com.bidiq.report.entity.SearchSubject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryWriterTest {

    static final SearchSubject VESTUARIO = SearchSubject.sector("Vestuário e Uniformes", false);
    static final SearchSubject SAUDE = SearchSubject.sector("Saúde", false);
    static final LocalDateTime NOW = LocalDateTime.parse("2026-11-29T10:00:00");

    static Licitacao item(String id, String orgao, String valor, String encerramento) {
        return new Licitacao(
                id,
                "Uniformes",
                orgao,
                "SC",
                "Lages",
                "4209300",
                "M",
                valor == null ? null : new BigDecimal(valor),
                "Pregão - Eletrônico",
                6,
                "Divulgada no PNCP",
                "recebendo_proposta",
                "2026-11-20T08:00:00",
                null,
                encerramento,
                null,
                null,
                "https://pncp.gov.br/app/editais",
                1.0,
                List.of("uniforme"));
    }

    @Test
    void formatsMoneyTheBrazilianWay() {
        assertEquals("R$ 1.234.567,89", Reais.format(new BigDecimal("1234567.885")));
        assertEquals("R$ 0,00", Reais.format(null));
    }

    @Test
    void summarizesTotalsAndTheThreeLargest() {
        Resumo r = SummaryWriter.summarize(
                List.of(
                        item("1", "A", "1000.50", null),
                        item("2", "B", "5000", null),
                        item("3", "", "2500", null),
                        item("4", "D", "10", null)),
                VESTUARIO,
                NOW);

        assertEquals(
                "Encontradas 4 licitações de Vestuário e Uniformes, totalizando R$ 8.510,50.", r.resumoExecutivo());
        assertEquals(4, r.totalOportunidades());
        assertEquals(0, new BigDecimal("8510.50").compareTo(r.valorTotal()));
        assertEquals(
                List.of(
                        "R$ 5.000,00 · Uniformes · B (SC)",
                        "R$ 2.500,00 · Uniformes · Órgão não informado (SC)",
                        "R$ 1.000,50 · Uniformes · A (SC)"),
                r.destaques());
        assertNull(r.alertaUrgencia());
    }

    @Test
    void urgencyUsesTheNearestFutureDeadlineAndNeverNegativeDays() {
        Resumo r = SummaryWriter.summarize(
                List.of(
                        item("past", "Passado", "1", "2026-11-20T10:00:00"),
                        item("far", "Longe", "1", "2026-12-20T10:00:00"),
                        item("soon", "Prefeitura X", "1", "2026-12-02T09:00:00"),
                        item("today", "Hoje", "1", "2026-11-29T18:00:00")),
                SAUDE,
                NOW);

        assertEquals(
                "⚠️ Atenção: 2 licitações encerram em menos de 7 dias. A mais próxima encerra hoje - Hoje.",
                r.alertaUrgencia());
        Resumo one =
                SummaryWriter.summarize(List.of(item("soon", "Prefeitura X", "1", "2026-12-02T09:00:00")), SAUDE, NOW);
        assertTrue(one.alertaUrgencia().contains("encerra em 3 dias - Prefeitura X"), one.alertaUrgencia());
        assertTrue(one.resumoExecutivo().startsWith("Encontrada 1 licitação de Saúde"));
    }

    @Test
    void failedPncpQueriesAreMentioned() {
        Resumo r = SummaryWriter.summarize(List.of(), SAUDE, NOW, 2);
        assertTrue(
                r.resumoExecutivo()
                        .endsWith("Atenção: 2 consultas ao PNCP falharam; o resultado pode estar" + " incompleto."),
                r.resumoExecutivo());
    }

    @Test
    void emptyResultSaysSo() {
        Resumo r = SummaryWriter.summarize(List.of(), VESTUARIO, NOW);
        assertEquals(
                "Nenhuma licitação de Vestuário e Uniformes encontrada nos estados selecionados no período"
                        + " informado.",
                r.resumoExecutivo());
        assertEquals(0, r.totalOportunidades());
        Resumo open = SummaryWriter.summarize(List.of(), SearchSubject.sector("Saúde", true), NOW);
        assertTrue(open.resumoExecutivo().endsWith("com prazo de proposta aberto."), open.resumoExecutivo());
    }

    @Test
    void customTermsNameTheSearchNotTheSector() {
        Resumo r = SummaryWriter.summarize(
                List.of(item("1", "A", "10", null)), SearchSubject.terms(List.of("jaleco", "avental"), false), NOW);
        assertEquals(
                "Encontrada 1 licitação com os termos “jaleco, avental”, totalizando R$ 10,00.", r.resumoExecutivo());
        assertFalse(r.resumoExecutivo().contains("Vestuário"));
    }

    @Test
    void undisclosedValuesCountAsNoticesButNotAsMoney() {
        Resumo r = SummaryWriter.summarize(
                List.of(item("1", "A", "100", null), item("2", "B", null, null), item("3", "C", null, null)),
                VESTUARIO,
                NOW);
        assertEquals(3, r.totalOportunidades());
        assertEquals(2, r.semValor());
        assertEquals(0, new BigDecimal("100").compareTo(r.valorTotal()));
        assertEquals(
                "Encontradas 3 licitações de Vestuário e Uniformes, totalizando R$ 100,00 (2 licitações com"
                        + " valor sigiloso ou não informado ficam fora do total).",
                r.resumoExecutivo());
        assertEquals(List.of("R$ 100,00 · Uniformes · A (SC)"), r.destaques());
    }
}
