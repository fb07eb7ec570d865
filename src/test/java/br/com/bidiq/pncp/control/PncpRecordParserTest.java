package br.com.bidiq.pncp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.pncp.entity.PncpPage;
import br.com.bidiq.pncp.entity.PncpRecord;
import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.FakePncpServer.SampleFiles;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PncpRecordParserTest {

    @Test
    void readsEverySampleRecordWithItsNestedFields() {
        List<PncpRecord> all = FakePncpServer.sampleRecords().stream()
                .map(PncpRecordParser::parseRecord)
                .toList();

        // 1258 distinct records in the samples, 3 of them only in the /atualizacao page, which is not served.
        assertEquals(1255, all.size());
        assertTrue(all.stream().allMatch(r -> r.uf() != null && r.uf().length() == 2));
        assertTrue(all.stream()
                .allMatch(r -> r.codigoIbge() != null && r.codigoIbge().matches("\\d{7}")));
        assertTrue(all.stream().allMatch(r -> r.esferaId() != null));
        assertTrue(all.stream().allMatch(r -> r.dataPublicacao() != null));
        assertTrue(all.stream()
                .allMatch(r ->
                        r.objeto().equals(r.objeto().strip()) && !r.objeto().contains("\n")));
        assertTrue(all.stream().anyMatch(r -> r.orgaoCnpj().startsWith("0")), "leading zeros kept");
    }

    /** A real sample record with its estimated value replaced by {@code valueJson} (written as PNCP would). */
    static String pageWithValue(String valueJson) {
        jakarta.json.JsonObject real = FakePncpServer.sampleRecords().get(0);
        String record = real.toString()
                .replaceFirst(
                        "\"valorTotalEstimado\":[^,}]*",
                        java.util.regex.Matcher.quoteReplacement("\"valorTotalEstimado\":" + valueJson));
        return "{\"data\":[" + record + "],\"totalRegistros\":1,\"totalPaginas\":1,\"numeroPagina\":1,"
                + "\"paginasRestantes\":0,\"empty\":false}";
    }

    @Test
    void moneyOutsideZeroToTenTrillionIsNotInformedAndCounted() {
        for (String hostile : List.of(
                "1E+10000000",
                "1E-10000000",
                "-150.00",
                "10000000000000.01",
                "\"1E+999999\"",
                "\"" + "9".repeat(100_000) + "\"",
                "1" + "0".repeat(1_000))) {
            long t0 = System.nanoTime();
            PncpPage page = PncpRecordParser.parsePage(pageWithValue(hostile), 1);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            PncpRecord r = page.records().get(0);
            String shown = hostile.length() > 30 ? hostile.substring(0, 30) + "…" : hostile;
            assertNull(r.valorTotalEstimado(), shown);
            assertEquals(1, page.outOfRangeValues(), shown);
            assertNotNull(page.raw().get(0), "the record stays indexable, its value unknown: " + shown);
            assertTrue(ms < 2_000, shown + " took " + ms + " ms");
        }
        // Longer number literals are refused by JSON-P itself (Parsson: 1,100 digits), quickly: the page is unreadable.
        long t0 = System.nanoTime();
        org.junit.jupiter.api.Assertions.assertThrows(
                RuntimeException.class,
                () -> PncpRecordParser.parsePage(pageWithValue("1" + "0".repeat(1_000_000)), 1));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2_000);
        PncpPage edge = PncpRecordParser.parsePage(pageWithValue("10000000000000"), 1);
        assertEquals(new BigDecimal("10000000000000"), edge.records().get(0).valorTotalEstimado());
        assertEquals(0, edge.outOfRangeValues());
        PncpPage written = PncpRecordParser.parsePage(pageWithValue("\"R$ 1.234,56\""), 1);
        assertEquals(new BigDecimal("1234.56"), written.records().get(0).valorTotalEstimado());
    }

    @Test
    void readsTheEnvelope() {
        PncpPage page = PncpRecordParser.parsePage(SampleFiles.text("publicacao-SP-mod4-20260917-p1.json"), 1);
        assertEquals(1, page.numeroPagina());
        assertEquals(page.totalPaginas() - 1, page.paginasRestantes());
        assertEquals(
                page.records().size(),
                Math.min(page.totalRegistros(), page.records().size()));
    }

    @Test
    void toleratesTextNumbersNullsAndZonedDates() {
        var json = Json.createObjectBuilder()
                .add("numeroControlePNCP", "00394460005887-1-000001/2026")
                .add("objetoCompra", "  Aquisição\r\nde   uniformes ")
                .add("valorTotalEstimado", "1.234,56")
                .addNull("valorTotalHomologado")
                .add("modalidadeId", 6)
                .add("dataPublicacaoPncp", "2026-09-17T08:27:55")
                .addNull("dataAberturaProposta")
                .add("dataEncerramentoProposta", "2026-10-05T11:59:00Z")
                .add(
                        "unidadeOrgao",
                        Json.createObjectBuilder().add("ufSigla", "sp").add("codigoIbge", "3550308"))
                .add("futureField", Json.createObjectBuilder())
                .build();

        PncpRecord r = PncpRecordParser.parseRecord(json);

        assertEquals("Aquisição de uniformes", r.objeto());
        assertEquals(new BigDecimal("1234.56"), r.valorTotalEstimado());
        assertNull(r.valorTotalHomologado());
        assertNull(r.dataAbertura());
        assertEquals(LocalDateTime.parse("2026-10-05T08:59:00"), r.dataEncerramento());
        assertEquals("SP", r.uf());
        assertNull(r.orgaoRazaoSocial());
        assertNotNull(r.codigoIbge());
    }
}
