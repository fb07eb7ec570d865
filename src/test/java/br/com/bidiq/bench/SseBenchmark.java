package br.com.bidiq.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One node's SSE figures: publish-to-receipt latency (p50/p99 over 2,000 events) and how many concurrent
 * subscribers it holds, with its memory. Run with {@code mvn -Pbench-sse verify}; it prints, it does not assert
 * speed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SseBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/bidiq.war"))
                .addClass(BenchPublishResource.class);
    }

    URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    /** Subscribes without a thread per connection; counts events and records latencies. */
    CompletableFuture<?> subscribe(String id, List<Long> latencies, CountDownLatch done, AtomicInteger open) {
        HttpRequest req = HttpRequest.newBuilder(uri("/api/buscar/" + id + "/events"))
                .header("Accept", "text/event-stream").build();
        return HTTP.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                open.incrementAndGet();
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.startsWith("data:")) {
                    long received = nowMicros();
                    try (JsonReader r = Json.createReader(new StringReader(line.substring(5)))) {
                        JsonObject o = r.readObject();
                        if (latencies != null) {
                            latencies.add(received - o.getJsonObject("detail").getJsonNumber("t").longValue());
                        }
                        if ("complete".equals(o.getString("stage"))) {
                            done.countDown();
                        }
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
                done.countDown();
            }

            @Override
            public void onComplete() {
            }
        }));
    }

    String claim() throws Exception {
        String id = UUID.randomUUID().toString();
        HTTP.send(HttpRequest.newBuilder(uri("/api/bench/searches/" + id)).PUT(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        return id;
    }

    void publish(String id, int n, long intervalMicros) throws Exception {
        HTTP.send(HttpRequest.newBuilder(uri("/api/bench/searches/" + id + "/publish?n=" + n + "&intervalMicros="
                + intervalMicros)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    @Test
    void latencyAndSubscribers() throws Exception {
        // Warm-up: JIT and the first-request cost of JAX-RS.
        String warm = claim();
        CountDownLatch w = new CountDownLatch(1);
        subscribe(warm, null, w, new AtomicInteger());
        Thread.sleep(300);
        publish(warm, 500, 200);
        w.await(60, TimeUnit.SECONDS);

        String id = claim();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        subscribe(id, latencies, done, new AtomicInteger());
        Thread.sleep(500);
        int events = 2000;
        publish(id, events, 1000);
        done.await(120, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("SSE one node: %d events, publish->receipt p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                sorted.size(), percentile(sorted, 0.5) / 1000.0, percentile(sorted, 0.99) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);

        long heapBefore = heapMb();
        long rssBefore = serverRssMb();
        int subscribers = 2000;
        String many = claim();
        CountDownLatch all = new CountDownLatch(subscribers);
        AtomicInteger open = new AtomicInteger();
        for (int i = 0; i < subscribers; i++) {
            subscribe(many, null, all, open);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (open.get() < subscribers && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1000);
        long heapWith = heapMb();
        long rssWith = serverRssMb();
        long start = System.nanoTime();
        publish(many, 10, 0);
        boolean completed = all.await(120, TimeUnit.SECONDS);
        System.out.printf("SSE one node: %d/%d subscribers connected, all got the terminal event: %s in %d ms;"
                        + " server heap after GC %d MB -> %d MB, RSS %d MB -> %d MB%n", open.get(), subscribers,
                completed, (System.nanoTime() - start) / 1_000_000, heapBefore, heapWith, rssBefore, rssWith);
    }

    long heapMb() throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(uri("/api/bench/memory"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject().getJsonNumber("heap_used_mb").longValue();
        }
    }

    static long serverRssMb() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("bidiq-it")).orElse(false))
                .mapToLong(p -> {
                    try {
                        for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                            if (line.startsWith("VmRSS:")) {
                                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                            }
                        }
                    } catch (Exception e) {
                        return -1;
                    }
                    return -1;
                }).max().orElse(-1);
    }
}
