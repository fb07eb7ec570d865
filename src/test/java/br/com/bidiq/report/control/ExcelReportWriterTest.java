package br.com.bidiq.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.report.entity.Licitacao;
import br.com.bidiq.report.entity.ReportParameters;
import br.com.bidiq.report.entity.SearchSubject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ExcelReportWriterTest {

    static Licitacao item(String id, String objeto, String valor, String encerramento) {
        return new Licitacao(
                id,
                objeto,
                "MUNICIPIO DE LAGES",
                "SC",
                "Lages",
                "4209300",
                "M",
                valor == null ? null : new BigDecimal(valor),
                "Pregão - Eletrônico",
                6,
                "Divulgada no PNCP",
                "recebendo_proposta",
                "2026-11-20T08:15:00",
                "2026-11-21T09:00:00",
                encerramento,
                3,
                "critica",
                "https://pncp.gov.br/app/editais/82777301000190/2026/12",
                1.0,
                List.of("uniforme"));
    }

    static ReportParameters params() {
        return new ReportParameters(
                "Vestuário e Uniformes",
                "Vestuário e Uniformes",
                List.of("SC", "PR"),
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 28),
                "Recebendo propostas",
                List.of("6 · Pregão - Eletrônico", "4 · Concorrência - Eletrônica"),
                new BigDecimal("1000"),
                null,
                null,
                "Prazo mais próximo",
                List.of("Esferas: Municipal"),
                120,
                1,
                LocalDateTime.parse("2026-11-29T10:11:12"),
                "PNCP (consulta ao vivo)");
    }

    static XSSFWorkbook write(List<Licitacao> items) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExcelReportWriter.write(
                items,
                params(),
                SummaryWriter.summarize(
                        items,
                        SearchSubject.sector("Vestuário e Uniformes", false),
                        LocalDateTime.parse("2026-11-29T10:00:00")),
                out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void writesTypedCellsLinksTotalsAndAFrozenFilteredHeader() throws Exception {
        try (XSSFWorkbook wb = write(List.of(
                item("82777301000190-1-000012/2026", "Aquisição de uniformes", "1234.56", "2026-12-02T18:00:00"),
                item("82777301000190-1-000013/2026", "Jalecos", "100", null),
                item("82777301000190-1-000014/2026", "Aventais", null, null)))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertEquals("Vestuário e Uniformes", sheet.getSheetName());
            Row header = sheet.getRow(0);
            for (int c = 0; c < ExcelReportWriter.HEADERS.length; c++) {
                assertEquals(ExcelReportWriter.HEADERS[c], header.getCell(c).getStringCellValue());
            }
            assertEquals("Encerramento", header.getCell(10).getStringCellValue());
            XSSFCellStyle hs = (XSSFCellStyle) header.getCell(0).getCellStyle();
            assertTrue(wb.getFontAt(hs.getFontIndex()).getBold());
            assertEquals("2E7D32", hs.getFillForegroundColorColor().getARGBHex().substring(2));
            assertNotNull(sheet.getPaneInformation());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter());
            assertEquals("A1:O4", sheet.getCTWorksheet().getAutoFilter().getRef());
            assertTrue(sheet.getPrintSetup().getLandscape());
            assertTrue(sheet.getFitToPage());
            assertEquals(1, sheet.getPrintSetup().getFitWidth());
            assertEquals(0, sheet.getPrintSetup().getFitHeight());

            Row first = sheet.getRow(1);
            assertEquals("82777301000190-1-000012/2026", first.getCell(0).getStringCellValue());
            assertEquals("Municipal", first.getCell(3).getStringCellValue());
            Cell value = first.getCell(6);
            assertEquals(CellType.NUMERIC, value.getCellType());
            assertEquals(1234.56, value.getNumericCellValue(), 1e-9);
            assertTrue(value.getCellStyle().getDataFormatString().contains("R$"));
            Cell published = first.getCell(8);
            assertTrue(DateUtil.isCellDateFormatted(published));
            assertEquals(LocalDateTime.parse("2026-11-20T08:15:00"), published.getLocalDateTimeCellValue());
            assertEquals(
                    LocalDateTime.parse("2026-12-02T18:00:00"),
                    first.getCell(10).getLocalDateTimeCellValue());
            assertEquals(CellType.BLANK, sheet.getRow(2).getCell(10).getCellType());
            assertEquals(3, (int) first.getCell(11).getNumericCellValue());
            assertEquals("Recebendo propostas", first.getCell(12).getStringCellValue());
            assertEquals("uniforme", first.getCell(13).getStringCellValue());
            Cell link = first.getCell(14);
            assertEquals(
                    "HYPERLINK(\"https://pncp.gov.br/app/editais/82777301000190/2026/12\",\"Abrir edital\")",
                    link.getCellFormula());

            // The undisclosed value is text: shown as such, left out of the SUM, with a note beside the total.
            Cell secret = sheet.getRow(3).getCell(6);
            assertEquals(ExcelReportWriter.UNDISCLOSED, secret.getStringCellValue());
            Row totals = sheet.getRow(4);
            assertEquals("TOTAL:", totals.getCell(5).getStringCellValue());
            assertEquals(CellType.FORMULA, totals.getCell(6).getCellType());
            assertEquals("SUM(G2:G4)", totals.getCell(6).getCellFormula());
            assertEquals(
                    "O total não inclui 1 licitação com valor sigiloso ou não informado",
                    totals.getCell(7).getStringCellValue());
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            assertEquals(1334.56, totals.getCell(6).getNumericCellValue(), 1e-9);
            assertEquals("Abrir edital", link.getStringCellValue());
            assertTrue(wb.getForceFormulaRecalculation());

            XSSFSheet summary = wb.getSheet(ExcelReportWriter.SUMMARY_SHEET);
            assertEquals(1, wb.getSheetIndex(summary));
            assertTrue(summary.getRow(1)
                    .getCell(0)
                    .getStringCellValue()
                    .startsWith("Encontradas 3 licitações de" + " Vestuário e Uniformes, totalizando R$ 1.334,56"));
            String text = sheetText(summary);
            assertTrue(text.contains("Aquisição de uniformes"), text); // highlights name the object
            assertTrue(text.contains("Sem valor divulgado"), text);

            XSSFSheet meta = wb.getSheet(ExcelReportWriter.PARAMETERS_SHEET);
            assertNotNull(meta);
            assertEquals(
                    LocalDateTime.parse("2026-11-29T10:11:12"),
                    meta.getRow(0).getCell(1).getLocalDateTimeCellValue());
            String params = sheetText(meta);
            assertTrue(params.contains("SC, PR"), params);
            assertTrue(params.contains("01/11/2026 a 28/11/2026"), params);
            assertTrue(params.contains("Recebendo propostas"), params);
            assertTrue(params.contains("6 · Pregão - Eletrônico; 4 · Concorrência - Eletrônica"), params);
            assertTrue(params.contains("Prazo mais próximo"), params);
            assertTrue(params.contains("Esferas: | Municipal"), params);
            assertTrue(params.contains("PNCP (consulta ao vivo)"), params);
            assertFalse(params.contains("recebendo_proposta"), params);
        }
    }

    /** Every row as "cell | cell", one per line (numbers as POI prints them). */
    static String sheetText(XSSFSheet sheet) {
        StringBuilder out = new StringBuilder();
        for (Row row : sheet) {
            List<String> cells = new java.util.ArrayList<>();
            for (Cell c : row) {
                cells.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.toString());
            }
            out.append(String.join(" | ", cells)).append('\n');
        }
        return out.toString();
    }

    @Test
    void formulaLikeTextStaysTextAndControlCharactersGo() throws Exception {
        try (XSSFWorkbook wb = write(List.of(
                item("1", "=HYPERLINK(\"http://evil\")", "1", null),
                item("2", "Uniformes\u0007 com\u0000 bip", "1", null),
                item("3", "@SUM(A1)", "1", null)))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            Cell evil = sheet.getRow(1).getCell(1);
            assertEquals(CellType.STRING, evil.getCellType());
            assertEquals("=HYPERLINK(\"http://evil\")", evil.getStringCellValue());
            assertTrue(evil.getCellStyle().getQuotePrefixed());
            assertEquals("Uniformes  com  bip", sheet.getRow(2).getCell(1).getStringCellValue());
            assertFalse(sheet.getRow(2).getCell(1).getCellStyle().getQuotePrefixed());
            assertTrue(sheet.getRow(3).getCell(1).getCellStyle().getQuotePrefixed());
        }
    }

    @Test
    void quotedUrlsMakeValidFormulasAndTooLongOnesArePlainText() throws Exception {
        assertEquals(
                "HYPERLINK(\"https://example.gov.br/p?q=\"\"x\"\"\",\"Abrir edital\")",
                ExcelReportWriter.hyperlinkFormula("https://example.gov.br/p?q=\"x\""));
        String longUrl = "https://example.gov.br/p?" + "a".repeat(300);
        Licitacao item = new Licitacao(
                "1",
                "Uniformes",
                "MUNICIPIO DE LAGES",
                "SC",
                "Lages",
                "4209300",
                "M",
                new BigDecimal("10"),
                "Pregão - Eletrônico",
                6,
                "Divulgada no PNCP",
                "recebendo_proposta",
                "2026-11-20T08:15:00",
                null,
                null,
                null,
                null,
                longUrl,
                1.0,
                List.of("uniforme"));
        try (XSSFWorkbook wb = write(List.of(item))) {
            Cell link = wb.getSheetAt(0).getRow(1).getCell(14);
            assertEquals(CellType.STRING, link.getCellType(), "Excel refuses a HYPERLINK over 255 characters");
            assertEquals(longUrl, link.getStringCellValue());
        }
    }

    @Test
    void anEmptyReportHasHeadersAndNoTotals() throws Exception {
        try (XSSFWorkbook wb = write(List.of())) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertEquals("Código PNCP", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(0, sheet.getLastRowNum());
        }
    }

    @Test
    void sheetNamesAreSafe() {
        assertEquals("Informática e Tecnologia", ExcelReportWriter.sheetName("Informática e Tecnologia"));
        assertTrue(ExcelReportWriter.sheetName("Facilities (Limpeza e Zeladoria) e muito mais")
                        .length()
                <= 31);
        assertFalse(ExcelReportWriter.sheetName("a/b:c").matches(".*[/:].*"));
    }
}
