package br.com.bidiq.report.control;

import br.com.bidiq.filtering.entity.StatusLicitacao;
import br.com.bidiq.report.entity.Licitacao;
import br.com.bidiq.report.entity.ReportParameters;
import br.com.bidiq.report.entity.Resumo;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * Writes the search report with POI's streaming workbook, so 100,000 rows need little heap: sheet one lists the
 * tenders (real dates, R$ amounts, a HYPERLINK per row, a frozen filtered header and a SUM total of the disclosed
 * values), sheet two the summary and highlights, sheet three the search parameters in words. Every sheet prints
 * landscape, fitted to the page width. Text never becomes a formula, and control characters are removed.
 */
public final class ExcelReportWriter {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String SUMMARY_SHEET = "Resumo";
    public static final String PARAMETERS_SHEET = "Parâmetros";
    /** The BRL currency format with the pt-BR locale tag: R$ in every locale, stored with neutral separators. */
    public static final String CURRENCY_FORMAT = "[$R$-416] #,##0.00";
    /** What an undisclosed value's cell says: text, so the SUM of the column leaves it out. */
    public static final String UNDISCLOSED = "sigiloso / não informado";

    static final String[] HEADERS = {
        "Código PNCP",
        "Objeto",
        "Órgão",
        "Esfera",
        "UF",
        "Município",
        "Valor Estimado",
        "Modalidade",
        "Publicação",
        "Início",
        "Encerramento",
        "Dias restantes",
        "Situação",
        "Termos encontrados",
        "Link"
    };
    private static final int[] WIDTHS = {25, 60, 40, 11, 6, 20, 18, 22, 12, 16, 16, 10, 20, 28, 14};
    static final int VALUE_COLUMN = 6;
    private static final int MAX_CELL_TEXT = 32_767;
    /** Excel's limit for a HYPERLINK's location. */
    static final int MAX_LINK = 255;

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");
    private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> ESFERAS =
            Map.of("F", "Federal", "E", "Estadual", "M", "Municipal", "D", "Distrital", "N", "Não se aplica");

    private ExcelReportWriter() {}

    public static void write(List<Licitacao> items, ReportParameters params, Resumo resumo, OutputStream out)
            throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(workbook);
            writeTenders(workbook, styles, items, params);
            writeSummary(workbook, styles, items, params, resumo);
            writeParameters(workbook, styles, items, params);
            // Streamed formulas carry no cached values: have spreadsheet programs compute them on open.
            workbook.setForceFormulaRecalculation(true);
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    static String sheetName(String searchName) {
        String base = searchName == null || searchName.isBlank() ? "Licitações" : searchName;
        return WorkbookUtil.createSafeSheetName(base);
    }

    private static void landscape(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
    }

    private static void writeTenders(SXSSFWorkbook wb, Styles s, List<Licitacao> items, ReportParameters params) {
        Sheet sheet = wb.createSheet(sheetName(params.searchName()));
        landscape(sheet);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
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
            text(row, 3, item.esfera() == null ? "" : esfera(item.esfera()), s);
            text(row, 4, item.uf(), s);
            text(row, 5, item.municipio(), s);
            if (item.valor() != null) {
                Cell value = row.createCell(VALUE_COLUMN);
                value.setCellValue(item.valor().doubleValue());
                value.setCellStyle(s.currency);
            } else {
                text(row, VALUE_COLUMN, UNDISCLOSED, s);
            }
            text(row, 7, item.modalidade(), s);
            date(row, 8, item.publicacao(), s.date, s);
            date(row, 9, item.abertura(), s.dateTime, s);
            date(row, 10, item.encerramento(), s.dateTime, s);
            daysLeft(row, 11, item.diasRestantes(), s);
            text(row, 12, statusLabel(item.status()), s);
            text(row, 13, item.matchedTerms() == null ? "" : String.join(", ", item.matchedTerms()), s);
            link(row, 14, item.link(), s);
        }
        int lastDataRow = r; // 1-based number of the last data row
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, lastDataRow - 1), 0, HEADERS.length - 1));
        if (!items.isEmpty()) {
            Row totals = sheet.createRow(r);
            Cell label = totals.createCell(VALUE_COLUMN - 1);
            label.setCellValue("TOTAL:");
            label.setCellStyle(s.totalLabel);
            Cell sum = totals.createCell(VALUE_COLUMN);
            String column = CellReference.convertNumToColString(VALUE_COLUMN);
            sum.setCellFormula("SUM(" + column + "2:" + column + lastDataRow + ")");
            sum.setCellStyle(s.totalCurrency);
            int undisclosed = SummaryWriter.undisclosed(items);
            if (undisclosed > 0) {
                Cell note = totals.createCell(VALUE_COLUMN + 1);
                note.setCellValue(undisclosedTotalNote(undisclosed));
            }
        }
    }

    /** "M" -> "Municipal": PNCP's esferaId in words. */
    public static String esfera(String code) {
        return ESFERAS.getOrDefault(code.toUpperCase(java.util.Locale.ROOT), code);
    }

    static String undisclosedTotalNote(int undisclosed) {
        return undisclosed == 1
                ? "O total não inclui 1 licitação com valor sigiloso ou não informado"
                : "O total não inclui " + undisclosed + " licitações com valor sigiloso ou não informado";
    }

    static String statusLabel(String wire) {
        return wire == null
                ? ""
                : StatusLicitacao.fromWire(wire).map(StatusLicitacao::label).orElse(wire);
    }

    private static void daysLeft(Row row, int col, Integer dias, Styles s) {
        if (dias == null) {
            text(row, col, "sem prazo", s);
        } else if (dias < 0) {
            text(row, col, "encerrada", s);
        } else {
            Cell cell = row.createCell(col);
            cell.setCellValue(dias);
            cell.setCellStyle(s.integer);
        }
    }

    private static void writeSummary(
            SXSSFWorkbook wb, Styles s, List<Licitacao> items, ReportParameters p, Resumo resumo) {
        Sheet sheet = wb.createSheet(SUMMARY_SHEET);
        landscape(sheet);
        int[] widths = {18, 70, 40, 6, 16, 14};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        int r = 0;
        Row title = sheet.createRow(r++);
        Cell t = title.createCell(0);
        t.setCellValue(clean("BidIQ · " + p.searchName()));
        t.setCellStyle(s.title);
        Row text = sheet.createRow(r++);
        text.setHeightInPoints(48);
        Cell summary = text.createCell(0);
        summary.setCellValue(clean(resumo == null ? "" : resumo.resumoExecutivo()));
        summary.setCellStyle(s.wrapped);
        sheet.addMergedRegion(new CellRangeAddress(text.getRowNum(), text.getRowNum(), 0, widths.length - 1));
        r++;
        number(sheet, r++, "Licitações:", items.size(), s);
        money(sheet, r++, "Valor total estimado:", SummaryWriter.total(items), s);
        int undisclosed = SummaryWriter.undisclosed(items);
        if (undisclosed > 0) {
            plain(
                    sheet,
                    r++,
                    "Sem valor divulgado:",
                    undisclosed + (undisclosed == 1 ? " licitação" : " licitações")
                            + " (sigiloso ou não informado), fora do total",
                    s);
        }
        if (resumo != null && resumo.alertaUrgencia() != null) {
            plain(sheet, r++, "Prazo:", resumo.alertaUrgencia(), s);
        }
        r++;
        Row heading = sheet.createRow(r++);
        Cell h = heading.createCell(0);
        h.setCellValue("Destaques: os maiores valores");
        h.setCellStyle(s.totalLabel);
        Row header = sheet.createRow(r++);
        String[] cols = {"Valor", "Objeto", "Órgão", "UF", "Encerramento", "Link"};
        for (int c = 0; c < cols.length; c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(cols[c]);
            cell.setCellStyle(s.header);
        }
        List<Licitacao> top = items.stream()
                .filter(i -> i.valor() != null)
                .sorted(Comparator.comparing(Licitacao::valor).reversed())
                .limit(3)
                .toList();
        for (Licitacao item : top) {
            Row row = sheet.createRow(r++);
            Cell value = row.createCell(0);
            value.setCellValue(item.valor().doubleValue());
            value.setCellStyle(s.currency);
            text(row, 1, item.objeto(), s);
            text(row, 2, item.orgao(), s);
            text(row, 3, item.uf(), s);
            date(row, 4, item.encerramento(), s.dateTime, s);
            link(row, 5, item.link(), s);
        }
        if (top.isEmpty()) {
            text(sheet.createRow(r), 1, "Nenhuma licitação com valor divulgado.", s);
        }
    }

    private static void writeParameters(SXSSFWorkbook wb, Styles s, List<Licitacao> items, ReportParameters p) {
        Sheet sheet = wb.createSheet(PARAMETERS_SHEET);
        landscape(sheet);
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        int r = 0;
        Row generated = label(sheet, r++, "Gerado em (horário de Brasília):", s);
        Cell at = generated.createCell(1);
        at.setCellValue(p.generatedAt());
        at.setCellStyle(s.dateTimeSeconds);
        plain(sheet, r++, "Busca:", p.searchName(), s);
        plain(sheet, r++, "UFs:", String.join(", ", p.ufs()), s);
        plain(
                sheet,
                r++,
                "Período de publicação:",
                p.dataInicial() == null
                        ? "qualquer data (abertas agora: prazo de proposta ainda aberto)"
                        : p.dataInicial().format(BR_DATE) + " a "
                                + p.dataFinal().format(BR_DATE),
                s);
        plain(sheet, r++, "Situação:", p.status(), s);
        plain(sheet, r++, "Modalidades:", String.join("; ", p.modalidades()), s);
        money(sheet, r++, "Valor mínimo:", p.valorMinimo(), s);
        money(sheet, r++, "Valor máximo:", p.valorMaximo(), s);
        plain(
                sheet,
                r++,
                "Setor:",
                p.sectorName() == null
                        ? "nenhum (os termos de busca substituem as palavras do" + " setor)"
                        : p.sectorName(),
                s);
        plain(
                sheet,
                r++,
                "Termos de busca:",
                p.termosBusca() == null ? "nenhum (palavras do setor)" : p.termosBusca(),
                s);
        plain(sheet, r++, "Ordenação:", p.ordenacao(), s);
        plain(sheet, r++, "Fonte dos dados:", p.fonte(), s);
        number(sheet, r++, "Registros analisados:", p.totalRaw(), s);
        number(sheet, r++, "Total de licitações:", items.size(), s);
        money(sheet, r++, "Valor total estimado:", SummaryWriter.total(items), s);
        number(sheet, r++, "Sem valor divulgado (fora do total):", SummaryWriter.undisclosed(items), s);
        number(sheet, r++, "Consultas ao PNCP com falha:", p.failedUnits(), s);
        for (String filter : p.otherFilters()) {
            int colon = filter.indexOf(':');
            plain(
                    sheet,
                    r++,
                    colon > 0 ? filter.substring(0, colon + 1) : "Filtro:",
                    colon > 0 ? filter.substring(colon + 1).strip() : filter,
                    s);
        }
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
     * relationship until the file is written, which a streaming 100,000-row report cannot afford. Excel refuses a
     * link location over 255 characters, so a longer URL is written as plain text, still readable and copyable.
     */
    private static void link(Row row, int col, String url, Styles s) {
        if (url == null) {
            row.createCell(col).setCellStyle(s.text);
        } else if (url.length() > MAX_LINK) {
            text(row, col, url, s);
        } else {
            Cell link = row.createCell(col);
            link.setCellFormula(hyperlinkFormula(url));
            link.setCellStyle(s.link);
        }
    }

    /** At most {@link #MAX_LINK} characters: one formula text literal. */
    static String hyperlinkFormula(String url) {
        if (url.length() > MAX_LINK) {
            throw new IllegalArgumentException("link over " + MAX_LINK + " characters");
        }
        return "HYPERLINK(\"" + url.replace("\"", "\"\"") + "\",\"Abrir edital\")";
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
        final CellStyle integer;
        final CellStyle title;
        final CellStyle wrapped;

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
            integer = bordered(wb);
            integer.setDataFormat(wb.createDataFormat().getFormat("0"));
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
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
