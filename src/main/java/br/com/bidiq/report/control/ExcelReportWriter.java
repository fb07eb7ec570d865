package br.com.bidiq.report.control;

import br.com.bidiq.report.entity.ReportParameters;
import br.com.bidiq.search.entity.Licitacao;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * Writes the search report with POI's streaming workbook, so 100,000 rows need little heap: sheet one lists the
 * tenders (real dates, R$ amounts, a HYPERLINK per row, a frozen filtered header and a SUM total), sheet two the search
 * parameters. Text never becomes a formula, and control characters are removed.
 */
public final class ExcelReportWriter {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PARAMETERS_SHEET = "Parâmetros";
    /** The BRL currency format with the pt-BR locale tag: R$ in every locale, stored with neutral separators. */
    public static final String CURRENCY_FORMAT = "[$R$-416] #,##0.00";
    static final String[] HEADERS = {"Código PNCP", "Objeto", "Órgão", "UF", "Município", "Valor Estimado",
            "Modalidade", "Publicação", "Início", "Encerramento", "Situação", "Link"};
    private static final int[] WIDTHS = {25, 60, 40, 6, 20, 18, 22, 12, 16, 16, 18, 10};
    private static final int VALUE_COLUMN = 5;
    private static final int MAX_CELL_TEXT = 32_767;
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");
    private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ExcelReportWriter() {
    }

    public static void write(List<Licitacao> items, ReportParameters params, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(workbook);
            writeTenders(workbook, styles, items, params);
            writeParameters(workbook, styles, items, params);
            // Streamed formulas carry no cached values: have spreadsheet programs compute them on open.
            workbook.setForceFormulaRecalculation(true);
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    static String sheetName(String sectorName) {
        String base = sectorName == null || sectorName.isBlank() ? "Licitações" : sectorName;
        return WorkbookUtil.createSafeSheetName(base);
    }

    private static void writeTenders(SXSSFWorkbook wb, Styles s, List<Licitacao> items, ReportParameters params) {
        Sheet sheet = wb.createSheet(sheetName(params.sectorName()));
        Row header = sheet.createRow(0);
        header.setHeightInPoints(30);
        for (int c = 0; c < HEADERS.length; c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(HEADERS[c]);
            cell.setCellStyle(s.header);
            sheet.setColumnWidth(c, WIDTHS[c] * 256);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (Licitacao item : items) {
            Row row = sheet.createRow(r++);
            text(row, 0, item.pncpId(), s);
            text(row, 1, item.objeto(), s);
            text(row, 2, item.orgao(), s);
            text(row, 3, item.uf(), s);
            text(row, 4, item.municipio(), s);
            Cell value = row.createCell(VALUE_COLUMN);
            value.setCellValue(item.valor().doubleValue());
            value.setCellStyle(s.currency);
            text(row, 6, item.modalidade(), s);
            date(row, 7, item.publicacao(), s.date, s);
            date(row, 8, item.abertura(), s.dateTime, s);
            date(row, 9, item.encerramento(), s.dateTime, s);
            text(row, 10, item.situacao(), s);
            Cell link = row.createCell(11);
            if (item.link() != null) {
                link.setCellFormula(hyperlinkFormula(item.link()));
                link.setCellStyle(s.link);
            } else {
                link.setCellStyle(s.text);
            }
        }
        int lastDataRow = r; // 1-based number of the last data row
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, lastDataRow - 1), 0, HEADERS.length - 1));
        if (!items.isEmpty()) {
            Row totals = sheet.createRow(r);
            Cell label = totals.createCell(VALUE_COLUMN - 1);
            label.setCellValue("TOTAL:");
            label.setCellStyle(s.totalLabel);
            Cell sum = totals.createCell(VALUE_COLUMN);
            sum.setCellFormula("SUM(F2:F" + lastDataRow + ")");
            sum.setCellStyle(s.totalCurrency);
        }
    }

    private static void writeParameters(SXSSFWorkbook wb, Styles s, List<Licitacao> items, ReportParameters p) {
        Sheet sheet = wb.createSheet(PARAMETERS_SHEET);
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        BigDecimal total = items.stream().map(Licitacao::valor).reduce(BigDecimal.ZERO, BigDecimal::add);
        int r = 0;
        Row generated = label(sheet, r++, "Gerado em (horário de Brasília):", s);
        Cell at = generated.createCell(1);
        at.setCellValue(p.generatedAt());
        at.setCellStyle(s.dateTimeSeconds);
        plain(sheet, r++, "Setor:", p.sectorName(), s);
        plain(sheet, r++, "UFs:", String.join(", ", p.ufs()), s);
        plain(sheet, r++, "Período de publicação:", p.dataInicial() == null
                ? "qualquer data (abertas agora: prazo de proposta ainda aberto)"
                : p.dataInicial().format(BR_DATE) + " a " + p.dataFinal().format(BR_DATE), s);
        plain(sheet, r++, "Status:", p.status(), s);
        plain(sheet, r++, "Modalidades:", p.modalidades().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")), s);
        money(sheet, r++, "Valor mínimo:", p.valorMinimo(), s);
        money(sheet, r++, "Valor máximo:", p.valorMaximo(), s);
        plain(sheet, r++, "Termos de busca:", p.termosBusca() == null ? "" : p.termosBusca(), s);
        plain(sheet, r++, "Ordenação:", p.ordenacao(), s);
        plain(sheet, r++, "Fonte dos dados:", p.fonte(), s);
        number(sheet, r++, "Registros analisados:", p.totalRaw(), s);
        number(sheet, r++, "Total de licitações:", items.size(), s);
        money(sheet, r++, "Valor total estimado:", total, s);
        number(sheet, r, "Consultas ao PNCP com falha:", p.failedUnits(), s);
    }

    private static Row label(Sheet sheet, int r, String label, Styles s) {
        Row row = sheet.createRow(r);
        Cell cell = row.createCell(0);
        cell.setCellValue(label);
        cell.setCellStyle(s.totalLabel);
        return row;
    }

    private static void plain(Sheet sheet, int r, String label, String value, Styles s) {
        text(label(sheet, r, label, s), 1, value, s);
    }

    private static void number(Sheet sheet, int r, String label, int value, Styles s) {
        label(sheet, r, label, s).createCell(1).setCellValue(value);
    }

    private static void money(Sheet sheet, int r, String label, BigDecimal value, Styles s) {
        Row row = label(sheet, r, label, s);
        Cell cell = row.createCell(1);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(s.currency);
        }
    }

    private static void text(Row row, int col, String value, Styles s) {
        Cell cell = row.createCell(col);
        String clean = clean(value);
        cell.setCellValue(clean);
        cell.setCellStyle(looksLikeFormula(clean) ? s.quoted : s.text);
    }

    /**
     * A HYPERLINK formula rather than a hyperlink object: each hyperlink object stays in memory with its own package
     * relationship until the file is written, which a streaming 100,000-row report cannot afford. A formula text
     * literal holds at most 255 characters, so longer URLs are concatenated.
     */
    static String hyperlinkFormula(String url) {
        String escaped = url.replace("\"", "\"\"");
        StringBuilder target = new StringBuilder();
        for (int i = 0; i < escaped.length(); i += 250) {
            if (i > 0) {
                target.append('&');
            }
            target.append('"').append(escaped, i, Math.min(escaped.length(), i + 250)).append('"');
        }
        return "HYPERLINK(" + target + ",\"Abrir\")";
    }

    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String t = CONTROL.matcher(value).replaceAll(" ");
        return t.length() > MAX_CELL_TEXT ? t.substring(0, MAX_CELL_TEXT) : t;
    }

    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
    }

    private static void date(Row row, int col, java.time.LocalDateTime value, CellStyle style, Styles s) {
        Cell cell = row.createCell(col);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(style);
        } else {
            cell.setCellStyle(s.text);
        }
    }

    /** Cell styles are workbook-wide and limited in number: create each once. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle quoted;
        final CellStyle currency;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle dateTimeSeconds;
        final CellStyle link;
        final CellStyle totalLabel;
        final CellStyle totalCurrency;

        Styles(SXSSFWorkbook wb) {
            short currencyFormat = wb.createDataFormat().getFormat(CURRENCY_FORMAT);
            XSSFFont headerFont = (XSSFFont) wb.createFont();
            headerFont.setBold(true);
            headerFont.setColor(IndexedColors.WHITE.getIndex());
            headerFont.setFontHeightInPoints((short) 11);
            XSSFCellStyle h = (XSSFCellStyle) bordered(wb);
            h.setFont(headerFont);
            h.setFillForegroundColor(new XSSFColor(new byte[] {0x2E, 0x7D, 0x32}, null));
            h.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            h.setAlignment(HorizontalAlignment.CENTER);
            h.setVerticalAlignment(VerticalAlignment.CENTER);
            header = h;
            text = bordered(wb);
            quoted = bordered(wb);
            quoted.setQuotePrefixed(true);
            currency = bordered(wb);
            currency.setDataFormat(currencyFormat);
            date = bordered(wb);
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            dateTime = bordered(wb);
            dateTime.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            dateTimeSeconds = wb.createCellStyle();
            dateTimeSeconds.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm:ss"));
            dateTimeSeconds.setAlignment(HorizontalAlignment.LEFT);
            Font linkFont = wb.createFont();
            linkFont.setUnderline(Font.U_SINGLE);
            ((XSSFFont) linkFont).setColor(new XSSFColor(new byte[] {0x05, 0x63, (byte) 0xC1}, null));
            link = bordered(wb);
            link.setFont(linkFont);
            Font bold = wb.createFont();
            bold.setBold(true);
            totalLabel = wb.createCellStyle();
            totalLabel.setFont(bold);
            totalCurrency = wb.createCellStyle();
            totalCurrency.setFont(bold);
            totalCurrency.setDataFormat(currencyFormat);
        }

        private static CellStyle bordered(SXSSFWorkbook wb) {
            CellStyle style = wb.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setWrapText(true);
            return style;
        }
    }
}
