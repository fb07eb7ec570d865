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
        List<PncpRecord> all = FakePncpServer.sampleRecords().stream().map(PncpRecordParser::parseRecord).toList();

        // 1258 distinct records in the samples, 3 of them only in the /atualizacao page, which is not served.
        assertEquals(1255, all.size());
        assertTrue(all.stream().allMatch(r -> r.uf() != null && r.uf().length() == 2));
        assertTrue(all.stream().allMatch(r -> r.codigoIbge() != null && r.codigoIbge().matches("\\d{7}")));
        assertTrue(all.stream().allMatch(r -> r.esferaId() != null));
        assertTrue(all.stream().allMatch(r -> r.dataPublicacao() != null));
        assertTrue(all.stream().allMatch(r -> r.objeto().equals(r.objeto().strip()) && !r.objeto().contains("\n")));
        assertTrue(all.stream().anyMatch(r -> r.orgaoCnpj().startsWith("0")), "leading zeros kept");
    }

    @Test
    void readsTheEnvelope() {
        PncpPage page = PncpRecordParser.parsePage(SampleFiles.text("publicacao-SP-mod4-20260917-p1.json"), 1);
        assertEquals(1, page.numeroPagina());
        assertEquals(page.totalPaginas() - 1, page.paginasRestantes());
        assertEquals(page.records().size(), Math.min(page.totalRegistros(), page.records().size()));
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
                .add("unidadeOrgao", Json.createObjectBuilder().add("ufSigla", "sp").add("codigoIbge", "3550308"))
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
