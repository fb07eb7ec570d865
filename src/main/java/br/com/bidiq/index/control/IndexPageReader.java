package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IndexPage;
import br.com.bidiq.index.entity.IndexedNotice;
import br.com.bidiq.pncp.control.PncpClient;
import br.com.bidiq.pncp.control.PncpRecordParser;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
            return IndexPage.empty();
        }
        JsonObject envelope = PncpRecordParser.envelope(body);
        JsonArray data = envelope.getJsonArray("data");
        List<IndexedNotice> notices = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (JsonValue value : data == null ? List.<JsonValue>of() : data) {
            String problem = PncpRecordParser.problem(value);
            if (problem != null) {
                bad.add(problem);
                continue;
            }
            JsonObject o = value.asJsonObject();
            notices.add(new IndexedNotice(PncpRecordParser.parseRecord(o), o.toString()));
        }
        return new IndexPage(notices, bad, PncpRecordParser.lastPage(envelope, pagina));
    }
}
