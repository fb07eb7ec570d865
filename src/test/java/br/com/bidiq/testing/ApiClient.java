package br.com.bidiq.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The public HTTP API of one node (or the balancer), as the integration tests call it. */
public final class ApiClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;

    /** @param base the application's root, e.g. {@code http://127.0.0.1:9089/bidiq} (a trailing slash is dropped) */
    public ApiClient(String base) {
        this.base = base.replaceAll("/$", "");
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** POST /api/buscar; {@code client} is sent as X-Forwarded-For when not null. */
    public HttpResponse<String> search(String body, String client) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/buscar"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (client != null) {
            b.header("X-Forwarded-For", client);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> search(String body) throws Exception {
        return search(body, null);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return get(uri(path), null);
    }

    public static HttpResponse<String> get(URI target, String client) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30));
        if (client != null) {
            b.header("X-Forwarded-For", client);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> cancel(String searchId) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri("/api/buscar/" + searchId)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The search's stream until the server closes it (or {@code timeout}), from after {@code lastEventId}. */
    public SseClient.Stream_ events(String searchId, String lastEventId, Duration timeout) throws Exception {
        return SseClient.read(uri("/api/buscar/" + searchId + "/events"), lastEventId, timeout, e -> false);
    }

    public static JsonObject json(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    /** The stage of each event of a stream, in order. */
    public static List<String> stages(SseClient.Stream_ s) {
        return s.events().stream().map(e -> json(e.data()).getString("stage")).toList();
    }
}
