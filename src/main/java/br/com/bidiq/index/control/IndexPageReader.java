package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IndexPage;
import br.com.bidiq.index.entity.IndexedNotice;
import br.com.bidiq.pncp.control.PncpClient;
import br.com.bidiq.pncp.control.PncpRecordParser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a PNCP page for the index: every good record with its raw JSON, and a reason for each bad one (a bad record
 * is skipped, never the page). A body that is not a page envelope throws, so the client retries it.
 */
final class IndexPageReader implements PncpClient.PageReader<IndexPage> {

    @Override
    public IndexPage read(String body, int pagina) {
        if (body == null) {
            return IndexPage.empty(pagina);
        }
        JsonObject envelope;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            envelope = reader.readObject();
        }
        JsonArray data = envelope.getJsonArray("data");
        List<IndexedNotice> notices = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        if (data != null) {
            for (JsonValue value : data) {
                String problem = PncpRecordParser.problem(value);
                if (problem != null) {
                    bad.add(problem);
                    continue;
                }
                JsonObject o = value.asJsonObject();
                JsonValue situacao = o.get("situacaoCompraId");
                Integer situacaoId = situacao instanceof JsonNumber n ? n.intValue() : parse(situacao);
                notices.add(new IndexedNotice(PncpRecordParser.parseRecord(o), situacaoId, o.toString()));
            }
        }
        int numero = number(envelope, "numeroPagina", pagina);
        int total = number(envelope, "totalPaginas", data == null || data.isEmpty() ? 0 : pagina);
        int remaining = number(envelope, "paginasRestantes", Math.max(0, total - numero));
        return new IndexPage(notices, bad, numero, Math.max(numero + remaining, total));
    }

    private static Integer parse(JsonValue v) {
        if (v != null && v.getValueType() == JsonValue.ValueType.STRING) {
            try {
                return Integer.valueOf(((jakarta.json.JsonString) v).getString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static int number(JsonObject o, String key, int fallback) {
        JsonValue v = o.get(key);
        return v instanceof JsonNumber n ? n.intValue() : fallback;
    }
}
