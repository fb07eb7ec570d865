package br.com.bidiq.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.report.entity.ReportParameters;
import br.com.bidiq.search.entity.Licitacao;
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
        return new Licitacao(id, objeto, "MUNICIPIO DE LAGES", "SC", "Lages", "4209300", "M", new BigDecimal(valor),
                "Pregão - Eletrônico", 6, "Divulgada no PNCP", "recebendo_proposta", "2026-11-20T08:15:00",
                "2026-11-21T09:00:00", encerramento, 3, "critica",
                "https://pncp.gov.br/app/editais/82777301000190/2026/12", 1.0, List.of("uniforme"));
    }

    static ReportParameters params() {
        return new ReportParameters("Vestuário e Uniformes", List.of("SC", "PR"), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 28), "recebendo_proposta", List.of(6, 4), new BigDecimal("1000"), null,
                "uniforme, jaleco", "data_desc", 120, 1, LocalDateTime.parse("2026-11-29T10:11:12"),
                "PNCP (consulta ao vivo)");
    }

    static XSSFWorkbook write(List<Licitacao> items) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExcelReportWriter.write(items, params(), out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void writesTypedCellsLinksTotalsAndAFrozenFilteredHeader() throws Exception {
        try (XSSFWorkbook wb = write(List.of(
                item("82777301000190-1-000012/2026", "Aquisição de uniformes", "1234.56", "2026-12-02T18:00:00"),
                item("82777301000190-1-000013/2026", "Jalecos", "100", null)))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertEquals("Vestuário e Uniformes", sheet.getSheetName());
            Row header = sheet.getRow(0);
            for (int c = 0; c < ExcelReportWriter.HEADERS.length; c++) {
                assertEquals(ExcelReportWriter.HEADERS[c], header.getCell(c).getStringCellValue());
            }
            assertEquals("Encerramento", header.getCell(9).getStringCellValue());
            XSSFCellStyle hs = (XSSFCellStyle) header.getCell(0).getCellStyle();
            assertTrue(wb.getFontAt(hs.getFontIndex()).getBold());
            assertEquals("2E7D32", hs.getFillForegroundColorColor().getARGBHex().substring(2));
            assertNotNull(sheet.getPaneInformation());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter());
            assertEquals("A1:L3", sheet.getCTWorksheet().getAutoFilter().getRef());

            Row first = sheet.getRow(1);
            assertEquals("82777301000190-1-000012/2026", first.getCell(0).getStringCellValue());
            Cell value = first.getCell(5);
            assertEquals(CellType.NUMERIC, value.getCellType());
            assertEquals(1234.56, value.getNumericCellValue(), 1e-9);
            assertTrue(value.getCellStyle().getDataFormatString().contains("R$"));
            Cell published = first.getCell(7);
            assertTrue(DateUtil.isCellDateFormatted(published));
            assertEquals(LocalDateTime.parse("2026-11-20T08:15:00"), published.getLocalDateTimeCellValue());
            assertEquals(LocalDateTime.parse("2026-12-02T18:00:00"), first.getCell(9).getLocalDateTimeCellValue());
            assertEquals(CellType.BLANK, sheet.getRow(2).getCell(9).getCellType());
            Cell link = first.getCell(11);
            assertEquals("HYPERLINK(\"https://pncp.gov.br/app/editais/82777301000190/2026/12\",\"Abrir\")",
                    link.getCellFormula());

            Row totals = sheet.getRow(3);
            assertEquals("TOTAL:", totals.getCell(4).getStringCellValue());
            assertEquals(CellType.FORMULA, totals.getCell(5).getCellType());
            assertEquals("SUM(F2:F3)", totals.getCell(5).getCellFormula());
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            assertEquals(1334.56, totals.getCell(5).getNumericCellValue(), 1e-9);
            assertEquals("Abrir", link.getStringCellValue());
            assertTrue(wb.getForceFormulaRecalculation());

            XSSFSheet meta = wb.getSheet(ExcelReportWriter.PARAMETERS_SHEET);
            assertNotNull(meta);
            assertEquals(LocalDateTime.parse("2026-11-29T10:11:12"), meta.getRow(0).getCell(1)
                    .getLocalDateTimeCellValue());
            assertEquals("SC, PR", meta.getRow(2).getCell(1).getStringCellValue());
            assertEquals("01/11/2026 a 28/11/2026", meta.getRow(3).getCell(1).getStringCellValue());
            assertEquals("PNCP (consulta ao vivo)", meta.getRow(10).getCell(1).getStringCellValue());
            assertEquals(2, (int) meta.getRow(12).getCell(1).getNumericCellValue());
            assertEquals(1334.56, meta.getRow(13).getCell(1).getNumericCellValue(), 1e-9);
        }
    }

    @Test
    void formulaLikeTextStaysTextAndControlCharactersGo() throws Exception {
        try (XSSFWorkbook wb = write(List.of(item("1", "=HYPERLINK(\"http://evil\")", "1", null),
                item("2", "Uniformes\u0007 com\u0000 bip", "1", null), item("3", "@SUM(A1)", "1", null)))) {
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
    void longAndQuotedUrlsMakeValidFormulas() {
        String url = "https://example.gov.br/p?q=\"x\"&" + "a".repeat(600);
        String f = ExcelReportWriter.hyperlinkFormula(url);
        assertTrue(f.startsWith("HYPERLINK(\"https://example.gov.br/p?q=\"\"x\"\"&"));
        assertEquals(3, f.split("\"&\"").length);
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
        assertTrue(ExcelReportWriter.sheetName("Facilities (Limpeza e Zeladoria) e muito mais").length() <= 31);
        assertFalse(ExcelReportWriter.sheetName("a/b:c").matches(".*[/:].*"));
    }
}
