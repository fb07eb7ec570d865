package br.com.bidiq.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationConverterTest {

    final DurationConverter converter = new DurationConverter();

    @Test
    void bareNumbersAreMinutesAsReportUrlTtlAlwaysTook() {
        assertEquals(Duration.ofMinutes(60), converter.convert("60"));
        assertEquals(Duration.ofMinutes(5), converter.convert(" 5 "));
    }

    @Test
    void unitsAndIsoDurations() {
        assertEquals(Duration.ofMillis(250), converter.convert("250ms"));
        assertEquals(Duration.ofSeconds(30), converter.convert("30s"));
        assertEquals(Duration.ofMinutes(15), converter.convert("15m"));
        assertEquals(Duration.ofHours(2), converter.convert("2H"));
        assertEquals(Duration.ofMinutes(15), converter.convert("PT15M"));
        assertEquals(Duration.ofMillis(250), converter.convert("pt0.25s"));
    }

    @Test
    void blankIsNoValueAndNonsenseIsAClearError() {
        assertNull(converter.convert(" "));
        for (String bad : new String[] {"10x", "abc", "PT", "-", "s"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> converter.convert(bad), bad);
            assertEquals("Duração inválida: use PT10S, 500ms, 90s, 15m, 2h ou minutos", e.getMessage());
        }
    }
}
