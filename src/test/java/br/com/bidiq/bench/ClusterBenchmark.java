package br.com.bidiq.bench;

import br.com.bidiq.testing.LatencyProbe;
import br.com.bidiq.testing.LocalCluster;
import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Cross-node latency: an event published on node A to its SSE receipt on node B (p50/p99 over 2,000 events), next to
 * the raw Redis publish-to-subscriber latency measured in the same run. Run with {@code mvn -Pliberty,bench -Dbench=ClusterBenchmark verify}.
 */
class ClusterBenchmark {

    static final String REDIS_URL = System.getProperty("bidiq.test.redis", "redis://127.0.0.1:6379");
    static final int EVENTS = 2000;

    @Test
    void crossNodeLatency() throws Exception {
        File war = new File("target/bidiq-bench.war");
        ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/bidiq.war"))
                .addClass(BenchPublishResource.class)
                .as(ZipExporter.class)
                .exportTo(war, true);
        List<Long> raw;
        try (LocalCluster cluster = new LocalCluster(Map.of(
                        "REDIS_URL",
                        REDIS_URL,
                        "WAR",
                        war.getAbsolutePath(),
                        // The nodes run the production heartbeat, not the 1 s of the suites' environment this JVM has.
                        "SSE_HEARTBEAT_SECONDS",
                        "15"))
                .start(2)) {
            // Round 0 warms both nodes up; round 1 measures the SSE hop alone; round 2 taps the Redis channel too (the
            // tap shares this machine's cores, so it is not running while the headline figure is taken).
            for (int round = 0; round < 3; round++) {
                String id = UUID.randomUUID().toString();
                LatencyProbe.send("PUT", URI.create(cluster.node(1) + "/api/bench/searches/" + id));
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                List<Long> channel = Collections.synchronizedList(new ArrayList<>());
                RedissonClient tap = round == 2 ? tap(id, channel) : null;
                CountDownLatch done = new CountDownLatch(1);
                LatencyProbe.subscribe(
                        URI.create(cluster.node(2) + "/api/buscar/" + id + "/events"),
                        latencies,
                        done,
                        new AtomicInteger());
                Thread.sleep(500);
                LatencyProbe.send(
                        "POST",
                        URI.create(cluster.node(1) + "/api/bench/searches/" + id + "/publish?n=" + EVENTS
                                + "&intervalMicros=1000"));
                done.await(120, TimeUnit.SECONDS);
                if (round == 1) {
                    System.out.println("cluster: publish on A -> SSE receipt on B: " + LatencyProbe.summary(latencies));
                }
                if (tap != null) {
                    tap.shutdown();
                    System.out.println("cluster: with a tap on the Redis channel, publish on A -> channel: "
                            + LatencyProbe.summary(channel) + "; -> SSE on B: " + LatencyProbe.summary(latencies));
                }
            }
            // Measured with both nodes up, so the raw figure shares the machine's load with the cluster one.
            raw = rawRedis();
        }
        System.out.println("cluster: raw Redis publish -> subscriber (same run): " + LatencyProbe.summary(raw));
    }

    /** A subscriber of the search's Redis channel in this JVM: where node A's part of the hop ends. */
    static RedissonClient tap(String id, List<Long> latencies) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(REDIS_URL);
        RedissonClient client = Redisson.create(config);
        client.getTopic("bidiq:progress:" + id + ":events").addListener(String.class, (ch, msg) -> {
            long received = LatencyProbe.nowMicros();
            int at = msg.indexOf("\"t\":");
            if (at >= 0) {
                int end = at + 4;
                while (end < msg.length() && Character.isDigit(msg.charAt(end))) {
                    end++;
                }
                latencies.add(received - Long.parseLong(msg.substring(at + 4, end)));
            }
        });
        return client;
    }

    static List<Long> rawRedis() throws Exception {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(REDIS_URL);
        RedissonClient pub = Redisson.create(config);
        RedissonClient sub = Redisson.create(config);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try {
            CountDownLatch done = new CountDownLatch(EVENTS);
            RTopic topic = sub.getTopic("bidiq:bench:raw");
            topic.addListener(String.class, (channel, msg) -> {
                latencies.add(LatencyProbe.nowMicros() - Long.parseLong(msg));
                done.countDown();
            });
            RTopic out = pub.getTopic("bidiq:bench:raw");
            for (int i = 0; i < 500; i++) {
                out.publish(String.valueOf(LatencyProbe.nowMicros()));
            }
            Thread.sleep(500);
            latencies.clear();
            for (int i = 0; i < EVENTS; i++) {
                out.publish(String.valueOf(LatencyProbe.nowMicros()));
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            done.await(60, TimeUnit.SECONDS);
            return new ArrayList<>(latencies);
        } finally {
            pub.shutdown();
            sub.shutdown();
        }
    }
}
