package br.com.bidiq.bench;

import br.com.bidiq.testing.Deployments;
import br.com.bidiq.testing.LatencyProbe;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One node's SSE figures: publish-to-receipt latency (p50/p99 over 2,000 events) and how many concurrent
 * subscribers it holds, with its memory. Run with {@code mvn -Pliberty,bench -Dbench=SseBenchmark verify}; it prints, it does not assert
 * speed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SseBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bidiqWar().addClass(BenchPublishResource.class);
    }

    URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    URI events(String id) {
        return uri("/api/buscar/" + id + "/events");
    }

    String claim() throws Exception {
        String id = UUID.randomUUID().toString();
        HTTP.send(
                HttpRequest.newBuilder(uri("/api/bench/searches/" + id))
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return id;
    }

    void publish(String id, int n, long intervalMicros) throws Exception {
        HTTP.send(
                HttpRequest.newBuilder(uri(
                                "/api/bench/searches/" + id + "/publish?n=" + n + "&intervalMicros=" + intervalMicros))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void latencyAndSubscribers() throws Exception {
        // Warm-up: JIT and the first-request cost of JAX-RS.
        String warm = claim();
        CountDownLatch w = new CountDownLatch(1);
        LatencyProbe.subscribe(events(warm), null, w, new AtomicInteger());
        Thread.sleep(300);
        publish(warm, 500, 200);
        w.await(60, TimeUnit.SECONDS);

        String id = claim();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        LatencyProbe.subscribe(events(id), latencies, done, new AtomicInteger());
        Thread.sleep(500);
        int events = 2000;
        publish(id, events, 1000);
        done.await(120, TimeUnit.SECONDS);
        System.out.println("SSE one node: publish -> receipt " + LatencyProbe.summary(latencies));

        long heapBefore = heapMb();
        long rssBefore = serverRssMb();
        int subscribers = 2000;
        String many = claim();
        CountDownLatch all = new CountDownLatch(subscribers);
        AtomicInteger open = new AtomicInteger();
        for (int i = 0; i < subscribers; i++) {
            LatencyProbe.subscribe(events(many), null, all, open);
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
        System.out.printf(
                "SSE one node: %d/%d subscribers connected, all got the terminal event: %s in %d ms;"
                        + " server heap after GC %d MB -> %d MB, RSS %d MB -> %d MB%n",
                open.get(),
                subscribers,
                completed,
                (System.nanoTime() - start) / 1_000_000,
                heapBefore,
                heapWith,
                rssBefore,
                rssWith);
    }

    long heapMb() throws Exception {
        String body = HTTP.send(
                        HttpRequest.newBuilder(uri("/api/bench/memory"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject().getJsonNumber("heap_used_mb").longValue();
        }
    }

    static long serverRssMb() {
        return ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().commandLine().map(c -> c.contains("bidiq-it")).orElse(false))
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
                })
                .max()
                .orElse(-1);
    }
}
