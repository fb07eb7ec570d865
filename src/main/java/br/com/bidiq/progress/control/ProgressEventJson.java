package br.com.bidiq.progress.control;

import br.com.bidiq.progress.entity.ProgressEvent;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Progress events between nodes: the SSE data plus the event's id, as one JSON object. */
public final class ProgressEventJson {

    private static final Jsonb JSONB = JsonbBuilder.create();
    /** Looked up once: {@code Json.createReader} searches for the provider on every call (the receiving hot path). */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private ProgressEventJson() {}

    /**
     * The SSE data: {"stage","progress","message","detail"}. Written with the streaming generator rather than JSON-B
     * (its reflection costs on every event, on the publishing node and again on each receiving one); a detail value
     * of another type than JSON's own goes through JSON-B.
     */
    public static String data(ProgressEvent e) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            g.writeStartObject();
            g.write("stage", e.stage());
            g.write("progress", e.progress());
            if (e.message() != null) {
                g.write("message", e.message());
            }
            g.writeKey("detail");
            value(g, e.detail());
            g.writeEnd();
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String text) {
            g.write(text);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            g.write(((Number) v).longValue());
        } else if (v instanceof BigDecimal amount) {
            g.write(amount);
        } else if (v instanceof Boolean flag) {
            g.write(flag);
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            map.forEach((k, x) -> {
                g.writeKey(String.valueOf(k));
                value(g, x);
            });
            g.writeEnd();
        } else if (v instanceof Collection<?> list) {
            g.writeStartArray();
            list.forEach(x -> value(g, x));
            g.writeEnd();
        } else {
            try (JsonReader r = READERS.createReader(new StringReader(JSONB.toJson(v)))) {
                g.write(r.readValue());
            }
        }
    }

    /** The data with the id first, as one object. */
    public static String write(ProgressEvent e) {
        return "{\"id\":" + e.id() + "," + data(e).substring(1);
    }

    public static ProgressEvent read(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            JsonObject detail = o.getJsonObject("detail");
            return new ProgressEvent(
                    o.getJsonNumber("id").longValue(),
                    o.getString("stage"),
                    o.getInt("progress"),
                    o.getString("message", ""),
                    detail == null ? Map.of() : toMap(detail));
        }
    }

    private static Map<String, Object> toMap(JsonObject o) {
        Map<String, Object> map = new LinkedHashMap<>();
        o.forEach((k, v) -> map.put(k, toJava(v)));
        return map;
    }

    private static Object toJava(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER ->
                ((JsonNumber) v).isIntegral()
                        ? (Object) ((JsonNumber) v).longValue()
                        : ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case OBJECT -> toMap(v.asJsonObject());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                v.asJsonArray().forEach(x -> list.add(toJava(x)));
                yield list;
            }
        };
    }
}
