package br.com.bidiq.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark helper: SSE subscribers without a thread each, recording how long after its publish time (the
 * {@code detail.t} the benchmark resource stamps, in epoch microseconds) each event arrived.
 */
public final class LatencyProbe {

    public static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Looked up once: {@code Json.createReader} searches for the provider on every call, which slows the reader. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());

    private LatencyProbe() {}

    public static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    public static void subscribe(URI events, List<Long> latencies, CountDownLatch done, AtomicInteger open) {
        HttpRequest req = HttpRequest.newBuilder(events)
                .header("Accept", "text/event-stream")
                .build();
        HTTP.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                open.incrementAndGet();
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (!line.startsWith("data:")) {
                    return;
                }
                long received = nowMicros();
                try (JsonReader r = READERS.createReader(new StringReader(line.substring(5)))) {
                    JsonObject o = r.readObject();
                    if (latencies != null && o.getJsonObject("detail").containsKey("t")) {
                        latencies.add(received
                                - o.getJsonObject("detail").getJsonNumber("t").longValue());
                    }
                    if ("complete".equals(o.getString("stage"))) {
                        done.countDown();
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
                done.countDown();
            }

            @Override
            public void onComplete() {}
        }));
    }

    public static String summary(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples";
        }
        return String.format(
                "n=%d p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                sorted.size(),
                percentile(sorted, 0.50) / 1000.0,
                percentile(sorted, 0.99) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    public static void send(String method, URI uri) throws Exception {
        HTTP.send(
                HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
