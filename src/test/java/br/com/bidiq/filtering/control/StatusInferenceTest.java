package br.com.bidiq.filtering.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.filtering.entity.StatusLicitacao;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusInferenceTest {

    // 2026-03-01 12:00 in Brasília.
    final StatusInference inference =
            new StatusInference(Clock.fixed(Instant.parse("2026-03-01T15:00:00Z"), ZoneOffset.UTC));
    final LocalDateTime now = LocalDateTime.parse("2026-03-01T12:00:00");

    @Test
    void datesDecideWhenTheSituationSaysDivulgada() {
        assertEquals(
                StatusLicitacao.RECEBENDO_PROPOSTA,
                inference.infer(Records.of(
                        "1",
                        "x",
                        "SC",
                        BigDecimal.ONE,
                        now.minusDays(3),
                        now.minusDays(2),
                        now.plusDays(5),
                        "Divulgada no PNCP")));
        assertEquals(
                StatusLicitacao.EM_JULGAMENTO,
                inference.infer(Records.of(
                        "2",
                        "x",
                        "SC",
                        BigDecimal.ONE,
                        now.minusDays(30),
                        now.minusDays(20),
                        now.minusHours(1),
                        "Divulgada no PNCP")));
        assertEquals(
                StatusLicitacao.TODOS,
                inference.infer(
                        Records.of("3", "x", "SC", BigDecimal.ONE, now.minusDays(3), null, null, "Divulgada no PNCP")));
    }

    @Test
    void situationAndHomologationWin() {
        assertEquals(
                StatusLicitacao.ENCERRADA,
                inference.infer(Records.of(
                        "4",
                        "x",
                        "SC",
                        BigDecimal.ONE,
                        now.minusDays(3),
                        now.minusDays(2),
                        now.plusDays(5),
                        "Revogada")));
        assertEquals(
                StatusLicitacao.ENCERRADA,
                inference.infer(Records.of(
                        "5",
                        "x",
                        "SC",
                        BigDecimal.ONE,
                        now.minusDays(3),
                        now.minusDays(2),
                        now.plusDays(5),
                        "Suspensa")));
    }

    @Test
    void aFutureDeadlineOnAnOldPublicationIsSuspicious() {
        assertEquals(
                StatusLicitacao.EM_JULGAMENTO,
                inference.infer(Records.of(
                        "6",
                        "x",
                        "SC",
                        BigDecimal.ONE,
                        now.minusDays(120),
                        null,
                        now.plusDays(5),
                        "Divulgada no PNCP")));
    }

    @Test
    void safetyNetForOpenTenders() {
        assertTrue(inference.plausiblyOpen(
                Records.of("7", "x", "SC", null, now.minusDays(40), null, now.plusDays(1), "x")));
        assertFalse(inference.plausiblyOpen(
                Records.of("8", "x", "SC", null, now.minusDays(2), null, now.minusMinutes(1), "x")));
        assertTrue(inference.plausiblyOpen(Records.of("9", "x", "SC", null, now.minusDays(10), null, null, "x")));
        assertFalse(inference.plausiblyOpen(Records.of("10", "x", "SC", null, now.minusDays(20), null, null, "x")));
        assertFalse(inference.plausiblyOpen(Records.of("11", "x", "SC", null, null, null, null, "x")));
    }
}
