package br.com.bidiq.pncp.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns whatever PNCP sent with an error (JSON, an HTML page, plain text) into one short readable line. */
final class ErrorBodies {

    private static final int MAX = 200;
    private static final Pattern TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private ErrorBodies() {}

    static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        if (text.startsWith("{")) {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                JsonObject json = reader.readObject();
                JsonValue message = json.get("message");
                if (message != null && message.getValueType() == JsonValue.ValueType.STRING) {
                    return shorten(json.getString("message"));
                }
            } catch (RuntimeException notJson) {
                // fall through to the plain-text description
            }
        }
        if (text.startsWith("<") || text.regionMatches(true, 0, "<!doctype", 0, 9)) {
            Matcher title = TITLE.matcher(text);
            if (title.find()) {
                return shorten(title.group(1));
            }
            return shorten(TAG.matcher(text).replaceAll(" "));
        }
        return shorten(text);
    }

    private static String shorten(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX ? flat : flat.substring(0, MAX) + "…";
    }
}
