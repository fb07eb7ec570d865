package br.com.bidiq.pncp.control;

import br.com.bidiq.pncp.entity.PncpPage;
import br.com.bidiq.pncp.entity.PncpRecord;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A tolerant reader of PNCP JSON: unknown fields are ignored, missing ones are null, numbers may arrive as text
 * (pt-BR "1.234,56" too), and datetimes are naive local times, sometimes with a zone or fractions.
 */
public final class PncpRecordParser {

    private PncpRecordParser() {}

    /** A page of the publicacao/atualizacao envelope; a null body (PNCP's 204) is an empty page. */
    public static PncpPage parsePage(String body, int pagina) {
        if (body == null) {
            return PncpPage.empty(pagina);
        }
        JsonObject envelope = envelope(body);
        List<PncpRecord> records = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        JsonArray data = envelope.getJsonArray("data");
        int outOfRange = 0;
        for (JsonValue value : data == null ? List.<JsonValue>of() : data) {
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                PncpRecord record = parseRecord(value.asJsonObject());
                if (record.numeroControlePncp() != null) {
                    records.add(record);
                    raw.add(problem(value) == null ? value.toString() : null);
                    outOfRange += outOfRangeValues(value.asJsonObject());
                }
            }
        }
        PncpPage page = page(envelope, records, raw, pagina);
        return outOfRange == 0
                ? page
                : new PncpPage(
                        page.records(),
                        page.raw(),
                        page.totalRegistros(),
                        page.totalPaginas(),
                        page.numeroPagina(),
                        page.paginasRestantes(),
                        outOfRange);
    }

    /** The page envelope as JSON; throws when the body is not a JSON object. */
    public static JsonObject envelope(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The last page of the query this envelope belongs to, as its paging numbers (or what it holds) say. */
    public static int lastPage(JsonObject envelope, int pagina) {
        return page(envelope, List.of(), List.of(), pagina).lastPage();
    }

    /** The envelope's paging numbers with these records; a missing number is derived from what the page holds. */
    private static PncpPage page(JsonObject envelope, List<PncpRecord> records, List<String> raw, int pagina) {
        JsonArray data = envelope.getJsonArray("data");
        int held = data == null ? 0 : data.size();
        long total = longOr(envelope.get("totalRegistros"), held);
        int totalPaginas = (int) longOr(envelope.get("totalPaginas"), held == 0 ? 0 : pagina);
        int numero = (int) longOr(envelope.get("numeroPagina"), pagina);
        int restantes = (int) longOr(envelope.get("paginasRestantes"), Math.max(0, totalPaginas - numero));
        return new PncpPage(records, raw, total, totalPaginas, numero, restantes);
    }

    /**
     * Why a record cannot be trusted, or null when it can: no control number or UF, a modality that is not a
     * number, a publication or update time that is missing or unreadable, a proposal date or value that is present
     * but unreadable.
     */
    public static String problem(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            return "registro não é um objeto JSON";
        }
        JsonObject o = value.asJsonObject();
        JsonValue id = o.get("numeroControlePNCP");
        if (id == null || id.getValueType() != JsonValue.ValueType.STRING || text(o, "numeroControlePNCP") == null) {
            return "numeroControlePNCP ausente";
        }
        String uf = text(object(o, "unidadeOrgao"), "ufSigla");
        if (uf == null || !uf.matches("[A-Za-z]{2}")) {
            return "unidadeOrgao.ufSigla ausente ou inválida";
        }
        if (longOr(o.get("modalidadeId"), Long.MIN_VALUE) == Long.MIN_VALUE) {
            return "modalidadeId inválido";
        }
        for (String required : new String[] {"dataPublicacaoPncp", "dataAtualizacaoGlobal"}) {
            if (dateTime(text(o, required)) == null) {
                return required + " ausente ou inválida";
            }
        }
        for (String optional : new String[] {"dataAberturaProposta", "dataEncerramentoProposta"}) {
            if (text(o, optional) != null && dateTime(text(o, optional)) == null) {
                return optional + " inválida";
            }
        }
        for (String money : MONEY) {
            JsonValue v = o.get(money);
            if (v != null && v.getValueType() != JsonValue.ValueType.NULL && decimal(v) == null && !outOfRange(v)) {
                return money + " inválido";
            }
        }
        return null;
    }

    private static final String[] MONEY = {"valorTotalEstimado", "valorTotalHomologado"};
    private static final int MAX_AMOUNT_CHARS = 40;

    /** How many of the record's money fields hold a number outside [0, 10^13] (read as "não informado"). */
    static int outOfRangeValues(JsonObject o) {
        int n = 0;
        for (String money : MONEY) {
            if (outOfRange(o.get(money))) {
                n++;
            }
        }
        return n;
    }

    private static boolean outOfRange(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (v.getValueType() == JsonValue.ValueType.STRING) {
            String text = ((JsonString) v).getString();
            if (text.length() > MAX_AMOUNT_CHARS && text.chars().allMatch(c -> c < 128 && !Character.isLetter(c))) {
                return true; // a number too long to be money, never parsed
            }
            BigDecimal read = readDecimalText(text);
            return read != null && !Amounts.plausible(read);
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            return false;
        }
        BigDecimal read = number((JsonNumber) v);
        return read == null || !Amounts.plausible(read);
    }

    public static PncpRecord parseRecord(JsonObject o) {
        JsonObject orgao = object(o, "orgaoEntidade");
        JsonObject unidade = object(o, "unidadeOrgao");
        return new PncpRecord(
                text(o, "numeroControlePNCP"),
                text(o, "objetoCompra"),
                text(orgao, "cnpj"),
                text(orgao, "razaoSocial"),
                text(orgao, "esferaId"),
                upper(text(unidade, "ufSigla")),
                text(unidade, "municipioNome"),
                text(unidade, "codigoIbge"),
                text(unidade, "nomeUnidade"),
                decimal(o.get("valorTotalEstimado")),
                decimal(o.get("valorTotalHomologado")),
                (int) longOr(o.get("modalidadeId"), 0),
                text(o, "modalidadeNome"),
                text(o, "situacaoCompraNome"),
                dateTime(text(o, "dataPublicacaoPncp")),
                dateTime(text(o, "dataAberturaProposta")),
                dateTime(text(o, "dataEncerramentoProposta")),
                dateTime(text(o, "dataAtualizacaoGlobal")),
                text(o, "linkSistemaOrigem"),
                text(o, "linkProcessoEletronico"),
                integer(o.get("anoCompra")),
                integer(o.get("sequencialCompra")),
                integer(o.get("situacaoCompraId")));
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    }

    /** Trimmed, NFC, whitespace runs (\r\n, NBSP) collapsed; null when absent or blank. */
    static String text(JsonObject o, String key) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(key);
        if (v == null) {
            return null;
        }
        String raw =
                switch (v.getValueType()) {
                    case STRING -> ((JsonString) v).getString();
                    case NUMBER -> v.toString();
                    case TRUE, FALSE -> v.toString();
                    default -> null;
                };
        if (raw == null) {
            return null;
        }
        String clean = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replaceAll("[\\s\\u00A0]+", " ")
                .strip();
        return clean.isEmpty() ? null : clean;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A money value, or null when absent, unreadable or outside [0, 10^13]: such a value is "não informado", and is
     * refused before any arithmetic ({@code 1E+10000000} would cost minutes of CPU to write out).
     */
    static BigDecimal decimal(JsonValue v) {
        if (v == null) {
            return null;
        }
        BigDecimal read = null;
        if (v.getValueType() == JsonValue.ValueType.NUMBER) {
            read = number((JsonNumber) v);
        } else if (v.getValueType() == JsonValue.ValueType.STRING) {
            read = readDecimalText(((JsonString) v).getString());
        }
        return read != null && Amounts.plausible(read) ? read : null;
    }

    /** The number, or null when the JSON library refuses to build it (Parsson caps a number's digits at 1,100). */
    private static BigDecimal number(JsonNumber n) {
        try {
            return n.bigDecimalValue();
        } catch (RuntimeException tooLong) {
            return null;
        }
    }

    /** Money written as text ("R$ 1.234,56", "1234.56"); at most 40 characters, as no real amount is longer. */
    private static BigDecimal readDecimalText(String s) {
        String t = s.replace("R$", "").replaceAll("\\s", "");
        if (t.isEmpty() || t.length() > MAX_AMOUNT_CHARS) {
            return null;
        }
        if (t.contains(",")) {
            t = t.replace(".", "").replace(',', '.');
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long longOr(JsonValue v, long fallback) {
        if (v == null) {
            return fallback;
        }
        if (v.getValueType() == JsonValue.ValueType.NUMBER) {
            return ((JsonNumber) v).longValue();
        }
        if (v.getValueType() == JsonValue.ValueType.STRING) {
            try {
                return Long.parseLong(((JsonString) v).getString().trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static Integer integer(JsonValue v) {
        long n = longOr(v, Long.MIN_VALUE);
        return n == Long.MIN_VALUE ? null : (int) n;
    }

    /** PNCP sends "2026-09-17T08:27:55"; tolerate a zone, a Z, fractions or a bare date. */
    static LocalDateTime dateTime(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        try {
            if (t.length() == 10) {
                return java.time.LocalDate.parse(t).atStartOfDay();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return java.time.OffsetDateTime.parse(t)
                        .atZoneSameInstant(java.time.ZoneId.of("America/Sao_Paulo"))
                        .toLocalDateTime();
            }
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
