package br.com.bidiq.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A PNCP of any size without holding it in memory: for every UF x modality x day it serves {@code perDay} notices
 * made on the fly from the real sample records (their texts, órgãos and values), with new control numbers and the
 * asked UF, modality and date. Same envelope, paging and 204 as the real API; deterministic, so two runs see the
 * same data. Used by the index benchmarks.
 */
public final class SyntheticPncp implements AutoCloseable {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final HttpServer server;
    private final List<JsonObject> pool = FakePncpServer.sampleRecords();
    private final int perDay;
    private volatile long latencyMillis;

    public SyntheticPncp(int perDay) {
        this.perDay = perDay;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Enough threads that a latency stands for PNCP's response time, not for a queue in front of this server.
        server.setExecutor(Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "synthetic-pncp");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/contratacoes/", this::handle);
        server.start();
    }

    /** Every answer from now on takes this long, as PNCP's do (about 100 ms at best from Brazil). */
    public void latency(long millis) {
        this.latencyMillis = millis;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The notice at position i of that UF, modality and day: a real record's content under a new identity. */
    public JsonObject notice(String uf, int modalidade, LocalDate day, int i) {
        int seq = Math.floorMod((uf + modalidade + day).hashCode() * 31 + i, Integer.MAX_VALUE);
        JsonObject base = pool.get(seq % pool.size());
        String cnpj = String.format(
                "%014d", Math.floorMod((long) uf.hashCode() * 1_000_003L + modalidade, 99_999_999_999_999L));
        String time = day + "T" + String.format("%02d:%02d:00", 8 + i % 10, i % 60);
        JsonObject unidade = Json.createObjectBuilder(base.getJsonObject("unidadeOrgao"))
                .add("ufSigla", uf)
                .build();
        return Json.createObjectBuilder(base)
                .add(
                        "numeroControlePNCP",
                        cnpj + "-1-" + String.format("%06d", i % 1_000_000) + "/" + day.getYear()
                                + String.format("%03d", day.getDayOfYear()) + modalidade)
                .add("modalidadeId", modalidade)
                .add("unidadeOrgao", unidade)
                .add("dataPublicacaoPncp", time)
                .add("dataInclusao", time)
                .add("dataAtualizacao", time)
                .add("dataAtualizacaoGlobal", time)
                .add("dataAberturaProposta", time)
                .add("dataEncerramentoProposta", day.plusDays(15 + i % 20) + "T10:00:00")
                .build();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (latencyMillis > 0) {
                try {
                    Thread.sleep(latencyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Map<String, String> q = new HashMap<>();
            for (String pair : ex.getRequestURI().getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            String uf = q.get("uf");
            int modalidade = Integer.parseInt(q.get("codigoModalidadeContratacao"));
            int pagina = Integer.parseInt(q.getOrDefault("pagina", "1"));
            int size = Integer.parseInt(q.getOrDefault("tamanhoPagina", "50"));
            LocalDate from = LocalDate.parse(q.get("dataInicial"), YYYYMMDD);
            LocalDate to = LocalDate.parse(q.get("dataFinal"), YYYYMMDD);
            long days = to.toEpochDay() - from.toEpochDay() + 1;
            long total = days * perDay;
            int start = (pagina - 1) * size;
            if (total == 0 || start >= total) {
                ex.sendResponseHeaders(204, -1);
                return;
            }
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (long k = start; k < Math.min(total, start + size); k++) {
                data.add(notice(uf, modalidade, from.plusDays(k / perDay), (int) (k % perDay)));
            }
            int totalPaginas = (int) ((total + size - 1) / size);
            byte[] body = Json.createObjectBuilder()
                    .add("data", data)
                    .add("totalRegistros", total)
                    .add("totalPaginas", totalPaginas)
                    .add("numeroPagina", pagina)
                    .add("paginasRestantes", Math.max(0, totalPaginas - pagina))
                    .add("empty", false)
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
