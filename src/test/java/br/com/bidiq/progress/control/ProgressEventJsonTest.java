package br.com.bidiq.progress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import br.com.bidiq.progress.entity.ProgressEvent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressEventJsonTest {

    @Test
    void theSseDataCarriesNoIdAndTheNodeMessageCarriesItFirst() {
        ProgressEvent e = new ProgressEvent(7, "fetching", 40, "Buscando SP…", Map.of("uf", "SP"));
        assertEquals(
                "{\"stage\":\"fetching\",\"progress\":40,\"message\":\"Buscando SP…\",\"detail\":{\"uf\":\"SP\"}}",
                ProgressEventJson.data(e));
        assertEquals(
                "{\"id\":7,\"stage\":\"fetching\",\"progress\":40,\"message\":\"Buscando SP…\","
                        + "\"detail\":{\"uf\":\"SP\"}}",
                ProgressEventJson.write(e));
    }

    @Test
    void aMessageBetweenNodesReadsBackAsTheSameEventWithJsonTypes() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("total", 12L);
        detail.put("valor", new BigDecimal("1234.5"));
        detail.put("incompleta", true);
        detail.put("ufs", List.of("SP", "RJ"));
        detail.put("unidade", Map.of("uf", "SC", "pagina", 2L));
        detail.put("nada", null);
        ProgressEvent e = new ProgressEvent(3, ProgressEvent.COMPLETE, 100, "Busca concluída!", detail);
        ProgressEvent back = ProgressEventJson.read(ProgressEventJson.write(e));
        assertEquals(3, back.id());
        assertEquals(e.stage(), back.stage());
        assertEquals(100, back.progress());
        assertEquals(e.message(), back.message());
        assertEquals(12L, back.detail().get("total"));
        assertEquals(new BigDecimal("1234.5"), back.detail().get("valor"));
        assertEquals(true, back.detail().get("incompleta"));
        assertEquals(List.of("SP", "RJ"), back.detail().get("ufs"));
        assertEquals(Map.of("uf", "SC", "pagina", 2L), back.detail().get("unidade"));
    }

    @Test
    void anErrorAlwaysSaysMinusOneAndAMissingMessageIsEmpty() {
        ProgressEvent back = ProgressEventJson.read("{\"id\":2,\"stage\":\"error\",\"progress\":55}");
        assertEquals(-1, back.progress());
        assertEquals("", back.message());
        assertEquals(Map.of(), back.detail());
    }

    @Test
    void theDataIsWhatJsonBWouldWriteForEveryKindOfDetail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("texto", "aspas \" e \\ barra\nlinha");
        detail.put("inteiro", 7);
        detail.put("longo", 12_000_000_000L);
        detail.put("decimal", new BigDecimal("1234.50"));
        detail.put("real", 0.25);
        detail.put("sim", true);
        detail.put("lista", List.of(1, "dois", List.of(3L)));
        detail.put("mapa", Map.of("uf", "SC"));
        detail.put("dia", java.time.LocalDate.of(2026, 3, 1));
        detail.put("dias", List.of(java.time.LocalDate.of(2026, 3, 2)));
        ProgressEvent e = new ProgressEvent(9, "fetching", 40, "Buscando…", detail);
        try (jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create()) {
            assertEquals(jsonb.toJson(e), ProgressEventJson.data(e));
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }
}
