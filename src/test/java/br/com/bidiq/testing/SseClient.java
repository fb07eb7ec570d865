package br.com.bidiq.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream the way a browser does, for tests and benchmarks. */
public final class SseClient {

    public record Event(String id, String data, String retry) {}

    public record Stream_(
            int status,
            java.net.http.HttpHeaders headers,
            List<Event> events,
            List<String> comments,
            boolean closedByServer) {}

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private SseClient() {}

    /** Reads until the server closes the stream, {@code stop} accepts an event, or the timeout passes. */
    public static Stream_ read(URI uri, String lastEventId, Duration timeout, Predicate<Event> stop) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        List<Event> events = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        CompletableFuture<Boolean> reading = CompletableFuture.supplyAsync(() -> {
            String id = null;
            String retry = null;
            StringBuilder data = null;
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        Event e = new Event(id, data.toString(), retry);
                        synchronized (events) {
                            events.add(e);
                        }
                        if (stop.test(e)) {
                            return false;
                        }
                    }
                    id = null;
                    retry = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    synchronized (comments) {
                        comments.add(line.substring(1).strip());
                    }
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("retry:")) {
                    retry = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n'))
                            .append(line.substring(5).strip());
                }
            }
            return true;
        });
        boolean closed;
        try {
            closed = reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            closed = false;
        } finally {
            response.body().close();
        }
        synchronized (events) {
            return new Stream_(
                    response.statusCode(), response.headers(), List.copyOf(events), List.copyOf(comments), closed);
        }
    }
}
