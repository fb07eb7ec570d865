package br.com.bidiq.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake PNCP consulta API over real HTTP, serving real recorded records (src/test/resources/pncp) the way the real
 * API does: {@code /publicacao} filtered by UF, modality and publication date, {@code /atualizacao} by UF, modality
 * and {@code dataAtualizacao}, sorted by that date, paged with the real envelope, 204 when empty, 400/422 for
 * bad parameters. The records can be replaced while it runs (new, changed, cancelled notices). Faults can be scripted per UF: a status with a body (HTML 429, plain-text 500), a number of
 * failures before success, and latency.
 *
 * <p>Also runnable on its own: {@code java ... FakePncpServer 8089} serves the samples for a local demo.
 */
public final class FakePncpServer implements AutoCloseable {

    /** Whether the exchange handled on this thread still counts as in flight (exchange attributes are shared). */
    private static final ThreadLocal<Boolean> COUNTED = new ThreadLocal<>();

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    public record Fault(int status, String contentType, String body, Map<String, String> headers, int times) {}

    public record Request(
            String uf,
            int modalidade,
            String dataInicial,
            String dataFinal,
            int pagina,
            int tamanhoPagina,
            String endpoint) {}

    private final HttpServer server;
    private volatile List<JsonObject> records;
    private volatile Map<String, List<JsonObject>> byUfAndModality;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faultCounts = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long latencyMillis;
    private volatile boolean ignoreModality;

    public FakePncpServer(List<JsonObject> records) {
        this(records, 0);
    }

    public FakePncpServer(List<JsonObject> records, int port) {
        replaceRecords(records);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-pncp");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/contratacoes/publicacao", ex -> handle(ex, "dataPublicacaoPncp"));
        server.createContext("/v1/contratacoes/atualizacao", ex -> handle(ex, "dataAtualizacao"));
        server.start();
    }

    /** Every distinct real record of the shared samples. */
    public static List<JsonObject> sampleRecords() {
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        for (String name : SampleFiles.NAMES) {
            JsonStructure json = SampleFiles.json(name);
            JsonArray data = json.getValueType() == JsonValue.ValueType.ARRAY
                    ? json.asJsonArray()
                    : json.asJsonObject().getJsonArray("data");
            if (data == null) {
                continue;
            }
            for (JsonValue v : data) {
                JsonObject o = v.asJsonObject();
                byId.putIfAbsent(o.getString("numeroControlePNCP"), o);
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** Serves these records from now on (grouped by UF and modality, as a large synthetic set needs). */
    public void replaceRecords(List<JsonObject> newRecords) {
        Map<String, List<JsonObject>> groups = new java.util.HashMap<>();
        for (JsonObject r : newRecords) {
            String uf = r.getJsonObject("unidadeOrgao").getString("ufSigla");
            groups.computeIfAbsent(group(uf, r.getInt("modalidadeId")), k -> new ArrayList<>())
                    .add(r);
        }
        this.records = List.copyOf(newRecords);
        this.byUfAndModality = groups;
    }

    public List<JsonObject> records() {
        return records;
    }

    /** The records of these modalities published between the two days: what an index of that range must hold. */
    public static List<JsonObject> published(
            List<JsonObject> records, java.util.Collection<Integer> modalidades, LocalDate from, LocalDate to) {
        return records.stream()
                .filter(r -> modalidades.contains(r.getInt("modalidadeId")))
                .filter(r -> {
                    LocalDate d =
                            LocalDate.parse(r.getString("dataPublicacaoPncp").substring(0, 10));
                    return !d.isBefore(from) && !d.isAfter(to);
                })
                .toList();
    }

    /**
     * The records with every date and date-time moved by {@code days} (publication, proposal window, updates), so real
     * records can stand for notices published lately whose deadlines are partly still ahead.
     */
    public static List<JsonObject> shifted(List<JsonObject> records, int days) {
        List<JsonObject> out = new ArrayList<>(records.size());
        for (JsonObject r : records) {
            jakarta.json.JsonObjectBuilder b = Json.createObjectBuilder(r);
            for (Map.Entry<String, JsonValue> e : r.entrySet()) {
                if (e.getValue().getValueType() == JsonValue.ValueType.STRING) {
                    String v = ((jakarta.json.JsonString) e.getValue()).getString();
                    if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                        b.add(e.getKey(), LocalDate.parse(v.substring(0, 10)).plusDays(days) + v.substring(10));
                    }
                }
            }
            out.add(b.build());
        }
        return out;
    }

    private static String group(String uf, int modalidade) {
        return uf + "|" + modalidade;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return Collections.unmodifiableList(requests);
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void latency(long millis) {
        this.latencyMillis = millis;
    }

    /** Serve every record whatever modality is asked, so the same purchase shows up under several. */
    public void ignoreModality(boolean ignore) {
        this.ignoreModality = ignore;
    }

    /** Answer requests for this UF with the fault, {@code times} times (or always when times is 0). */
    public void fault(String uf, Fault fault) {
        faults.put(uf, fault);
        faultCounts.put(uf, new AtomicInteger());
    }

    public void clearFaults() {
        faults.clear();
        faultCounts.clear();
    }

    public void reset() {
        clearFaults();
        requests.clear();
        maxInFlight.set(0);
        latencyMillis = 0;
        ignoreModality = false;
    }

    private void handle(HttpExchange ex, String dateField) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        COUNTED.set(Boolean.TRUE);
        try {
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
            }
            respond(ex, dateField);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            leave(ex);
            ex.close();
        }
    }

    /** A request stops counting as in flight just before its answer goes out, as the client sees it. */
    private void leave(HttpExchange ex) {
        if (COUNTED.get() == Boolean.TRUE) {
            COUNTED.set(Boolean.FALSE);
            inFlight.decrementAndGet();
        }
    }

    private void respond(HttpExchange ex, String dateField) throws IOException, InterruptedException {
        Map<String, String> q = query(ex.getRequestURI());
        if (!q.containsKey("codigoModalidadeContratacao")) {
            send(
                    ex,
                    400,
                    "application/json",
                    SampleFiles.text("error-400-publicacao-SP-sem-modalidade.json"),
                    Map.of());
            return;
        }
        int modalidade = Integer.parseInt(q.get("codigoModalidadeContratacao"));
        int pagina = Integer.parseInt(q.getOrDefault("pagina", "1"));
        int size = Integer.parseInt(q.getOrDefault("tamanhoPagina", "500"));
        String uf = q.get("uf");
        String endpoint = ex.getHttpContext()
                .getPath()
                .substring(ex.getHttpContext().getPath().lastIndexOf('/') + 1);
        requests.add(new Request(uf, modalidade, q.get("dataInicial"), q.get("dataFinal"), pagina, size, endpoint));
        if (modalidade < 1 || modalidade > 14) {
            send(
                    ex,
                    422,
                    "application/json",
                    "{\"path\":\"/pncp-consulta/v1/contratacoes/publicacao\",\"message\":"
                            + "\"Código da modalidade de contratação inválido.\",\"error\":\"422 UNPROCESSABLE_ENTITY\","
                            + "\"status\":422}",
                    Map.of());
            return;
        }
        Fault fault = uf == null ? null : faults.get(uf);
        if (fault != null && (fault.times() == 0 || faultCounts.get(uf).incrementAndGet() <= fault.times())) {
            if (fault.status() == 0) {
                Thread.sleep(60_000); // a hung server: the client's timeout must fire
                return;
            }
            send(ex, fault.status(), fault.contentType(), fault.body(), fault.headers());
            return;
        }
        LocalDate from = LocalDate.parse(q.get("dataInicial"), YYYYMMDD);
        LocalDate to = LocalDate.parse(q.get("dataFinal"), YYYYMMDD);
        List<JsonObject> candidates = uf != null && !ignoreModality
                ? byUfAndModality.getOrDefault(group(uf, modalidade), List.of())
                : records;
        List<JsonObject> hits = candidates.stream()
                .filter(r ->
                        uf == null || uf.equals(r.getJsonObject("unidadeOrgao").getString("ufSigla")))
                .filter(r -> ignoreModality || r.getInt("modalidadeId") == modalidade)
                .filter(r -> {
                    LocalDate d = LocalDate.parse(r.getString(dateField).substring(0, 10));
                    return !d.isBefore(from) && !d.isAfter(to);
                })
                .sorted(java.util.Comparator.comparing((JsonObject r) -> r.getString(dateField)))
                .toList();
        int totalPaginas = (hits.size() + size - 1) / size;
        int start = (pagina - 1) * size;
        if (hits.isEmpty() || start >= hits.size()) {
            send(ex, 204, "application/json", "", Map.of());
            return;
        }
        List<JsonObject> page = hits.subList(start, Math.min(hits.size(), start + size));
        var data = Json.createArrayBuilder();
        page.forEach(data::add);
        JsonObject envelope = Json.createObjectBuilder()
                .add("data", data)
                .add("totalRegistros", hits.size())
                .add("totalPaginas", totalPaginas)
                .add("numeroPagina", pagina)
                .add("paginasRestantes", Math.max(0, totalPaginas - pagina))
                .add("empty", false)
                .build();
        send(ex, 200, "application/json", envelope.toString(), Map.of());
    }

    private void send(HttpExchange ex, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        leave(ex);
        ex.getResponseHeaders().add("Content-Type", type);
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (status == 204 || bytes.length == 0) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        FakePncpServer fake = new FakePncpServer(sampleRecords(), port);
        if (args.length > 1) {
            fake.latency(Long.parseLong(args[1]));
        }
        System.out.println("Fake PNCP serving " + fake.records.size() + " real records at " + fake.baseUrl());
        Thread.currentThread().join();
    }

    /** The recorded PNCP files, read from the test classpath. */
    public static final class SampleFiles {
        public static final List<String> NAMES = List.of(
                "publicacao-BR-mod1-20240701_20240731-p1.json",
                "publicacao-SC-mod4-20260210_20260312-p1.json",
                "publicacao-SC-mod5-20260210_20260312-p1.json",
                "publicacao-SP-mod4-20260917-p1.json",
                "proposta-SP-mod6-ate20260921-p1.json",
                "publicacao-mod6-ES-cnpj27142058000126-20250617_20260611.records.json",
                "publicacao-mod6-MG-cnpj18715383000140-20250617_20260615.records.json",
                "publicacao-mod6-RJ-cnpj42498733000148-20260102_20260529.records.json",
                "publicacao-mod6-SP-cnpj46395000000139-20250630_20260305.records.json",
                "publicacao-mod6-SP-ibge3550308-20260102_20260112.records.json");

        private SampleFiles() {}

        public static String text(String name) {
            try (InputStream in = FakePncpServer.class.getResourceAsStream("/pncp/" + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no sample " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static JsonStructure json(String name) {
            try (JsonReader reader = Json.createReader(new StringReader(text(name)))) {
                return reader.read();
            }
        }
    }
}
