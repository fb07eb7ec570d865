package br.com.bidiq.search.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import br.com.bidiq.filtering.entity.FilterStats;
import br.com.bidiq.index.entity.UncoveredRange;
import br.com.bidiq.pncp.entity.FailedUnit;
import br.com.bidiq.report.entity.Licitacao;
import br.com.bidiq.report.entity.Resumo;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Results travel between nodes as JSON: what goes out must come back equal. */
class SearchResultJsonTest {

    final Jsonb jsonb = JsonbBuilder.create();

    @Test
    void aResultSurvivesTheRoundTrip() {
        Licitacao item = new Licitacao(
                "1",
                "Uniformes",
                "ORGAO",
                "SC",
                "Lages",
                "4209300",
                "M",
                new BigDecimal("10.50"),
                "Pregão - Eletrônico",
                6,
                "Divulgada no PNCP",
                "todos",
                "2026-11-20T08:15:00",
                null,
                "2026-12-01T10:00:00",
                2,
                "critica",
                "https://x.gov.br",
                0.5,
                List.of("uniforme"));
        SearchResult r = new SearchResult(
                new Resumo("texto", 1, new BigDecimal("10.50"), 0, List.of("a"), null),
                List.of(item),
                3,
                1,
                new FilterStats(3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0),
                List.of(new FailedUnit("SP", 6, "2026-11-01", "2026-11-28", 1, "HTTP 500")),
                5,
                "id",
                null,
                null,
                true,
                List.of("uniforme"),
                List.of(),
                Map.of("pó", "curto"),
                0,
                false,
                "2026-11-29T10:00:00Z",
                "indice",
                "2026-11-29T09:55:00Z",
                null,
                List.of(new UncoveredRange("SP", 6, "2026-11-01", "2026-11-28", "período ainda não indexado")),
                true,
                "Vestuário e Uniformes");

        String json = jsonb.toJson(r);
        SearchResult back = jsonb.fromJson(json, SearchResult.class);

        assertEquals(r, back);
        assertEquals(json, jsonb.toJson(back));
    }
}
