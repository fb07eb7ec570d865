package br.com.bidiq.progress.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.bench.BenchPublishResource;
import br.com.bidiq.testing.ApiClient;
import br.com.bidiq.testing.Deployments;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Slow SSE clients on a real server: 2,000 streams of one search, 500 of which never read a byte (a tiny receive
 * window, so the server's writes to them back up). The other 1,500 get every event, and the node stays responsive:
 * no thread is held by a client that does not read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowClientsIT {

    static final int READERS = 1_500;
    static final int STALLED = 500;
    static final int EVENTS = 300;
    /** Bytes of padding per event: 300 events are then ~200 KB per stream, more than a socket buffers. */
    static final int PADDING = 500;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bidiqWar().addClass(BenchPublishResource.class);
    }

    @Test
    void fiveHundredClientsThatNeverReadHoldUpNeitherTheOthersNorTheNode() throws Exception {
        ApiClient api = new ApiClient(base.toString());
        String id = UUID.randomUUID().toString();
        assertEquals(200, send("PUT", api.uri("/api/bench/searches/" + id)));
        URI events = api.uri("/api/buscar/" + id + "/events");

        List<Socket> stalled = new ArrayList<>();
        Map<SocketChannel, Reader> readers = new HashMap<>();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < READERS + STALLED; i++) {
                String client = "10." + (i / 250) + "." + (i % 250) + ".1"; // own X-Forwarded-For: no per-client cap
                byte[] request = ("GET " + events.getRawPath() + " HTTP/1.1\r\nHost: " + events.getHost() + ":"
                                + events.getPort() + "\r\nAccept: text/event-stream\r\nX-Forwarded-For: " + client
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                if (i % 4 == 0) {
                    Socket s = new Socket();
                    s.setReceiveBufferSize(1024); // before connecting: the window it advertises stays tiny
                    s.connect(new InetSocketAddress(events.getHost(), events.getPort()), 10_000);
                    OutputStream out = s.getOutputStream();
                    out.write(request);
                    out.flush();
                    stalled.add(s); // and never read
                } else {
                    SocketChannel ch = SocketChannel.open(new InetSocketAddress(events.getHost(), events.getPort()));
                    ch.setOption(StandardSocketOptions.SO_RCVBUF, 256 * 1024);
                    ch.write(ByteBuffer.wrap(request));
                    ch.configureBlocking(false);
                    Reader r = new Reader();
                    readers.put(ch, r);
                    ch.register(selector, SelectionKey.OP_READ, r);
                }
            }
            Thread pump = new Thread(() -> pump(selector), "sse-readers");
            pump.setDaemon(true);
            pump.start();
            // Every stream is open (each has had its first heartbeat or event) before publishing starts.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> readers.values().stream().allMatch(r -> r.bytes.get() > 0));

            long start = System.nanoTime();
            assertEquals(
                    200,
                    send(
                            "POST",
                            api.uri("/api/bench/searches/" + id + "/publish?n=" + EVENTS + "&intervalMicros=0&padding="
                                    + PADDING)));
            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> readers.values().stream().allMatch(r -> r.complete));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "slow clients: %d readers got %d events each in %.1f s with %d clients not reading%n",
                    READERS, EVENTS, seconds, STALLED);
            for (Reader r : readers.values()) {
                assertEquals(EVENTS, r.ids, "every reader gets every event");
            }
            // The 500 are still connected with their sockets full: had their writes held threads, the node could
            // not answer now. It answers at once, again and again.
            Awaitility.await()
                    .during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> healthy(api));
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
            for (SocketChannel ch : readers.keySet()) {
                ch.close();
            }
        }
    }

    /** The node answers within half a second. */
    static boolean healthy(ApiClient api) throws Exception {
        long t = System.nanoTime();
        int status = ApiClient.get(api.uri("/api/setores"), null).statusCode();
        long millis = (System.nanoTime() - t) / 1_000_000;
        assertTrue(millis < 500, "GET /api/setores took " + millis + " ms");
        return status == 200;
    }

    static int send(String method, URI uri) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(uri)
                                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** What one reading client has seen: bytes, event ids, and whether the terminal event arrived. */
    static final class Reader {
        final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        final StringBuilder tail = new StringBuilder();
        volatile int ids;
        volatile boolean complete;

        void take(String chunk) {
            bytes.addAndGet(chunk.length());
            tail.append(chunk);
            int nl;
            while ((nl = tail.indexOf("\n")) >= 0) {
                String line = tail.substring(0, nl);
                tail.delete(0, nl + 1);
                if (line.startsWith("id:")) {
                    ids++;
                } else if (line.startsWith("data:") && line.contains("\"stage\":\"complete\"")) {
                    complete = true;
                }
            }
        }
    }

    static void pump(Selector selector) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (selector.isOpen()) {
                selector.select(200);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel ch = (SocketChannel) key.channel();
                    buffer.clear();
                    int n = ch.read(buffer);
                    if (n < 0) {
                        key.cancel();
                        continue;
                    }
                    ((Reader) key.attachment()).take(new String(buffer.array(), 0, n, StandardCharsets.UTF_8));
                }
                selector.selectedKeys().clear();
            }
        } catch (Exception closed) {
            // the test closed the selector or the channels
        }
    }
}
