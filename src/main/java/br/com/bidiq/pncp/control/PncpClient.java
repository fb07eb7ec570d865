package br.com.bidiq.pncp.control;

import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.pncp.entity.FetchUnit;
import br.com.bidiq.pncp.entity.PncpEndpoint;
import br.com.bidiq.pncp.entity.PncpPage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches one page of {@code /v1/contratacoes/publicacao}, retrying what deserves it.
 *
 * <p>Why not MicroProfile Fault Tolerance's {@code @Retry}: it can neither honour PNCP's {@code Retry-After} nor back
 * off exponentially, and an interceptor would hold a thread through every wait. Here the waits are scheduled on the
 * platform's {@link CompletableFuture#delayedExecutor} and no thread blocks; each attempt holds its gate permits only
 * while its request is in flight.
 */
public class PncpClient {

    private static final Logger LOG = RequestIds.logger(PncpClient.class);
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    static final String USER_AGENT = "BidIQ/1.0 (procurement-search)";

    private final HttpClient http;
    private final PncpSettings settings;
    private final RetryPolicy retry;
    private final Executor executor;

    public PncpClient(HttpClient http, PncpSettings settings, RetryPolicy retry, Executor executor) {
        this.http = http;
        this.settings = settings;
        this.retry = retry;
        this.executor = executor;
    }

    public static HttpClient newHttpClient(PncpSettings settings, Executor executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(executor)
                .build();
    }

    public PncpSettings settings() {
        return settings;
    }

    public CompletableFuture<PncpPage> fetchPage(FetchUnit unit, int pagina, List<RequestGate> gates) {
        return fetchPage(PncpEndpoint.PUBLICACAO, unit, pagina, gates, PncpRecordParser::parsePage);
    }

    /**
     * One page of {@code endpoint} for the unit, read by {@code reader} (a 204 reaches it as a null body). A reader
     * that throws means the body was not a page: retried like a server error.
     */
    public <T> CompletableFuture<T> fetchPage(
            PncpEndpoint endpoint, FetchUnit unit, int pagina, List<RequestGate> gates, PageReader<T> reader) {
        return attempt(endpoint, unit, pagina, gates, reader, 1, RequestIds.current());
    }

    /** Reads a page's body; {@code body} is null for PNCP's 204 "no records". */
    @FunctionalInterface
    public interface PageReader<T> {
        T read(String body, int pagina);
    }

    URI uri(PncpEndpoint endpoint, FetchUnit unit, int pagina) {
        return URI.create(settings.endpoint(endpoint)
                + "?dataInicial=" + unit.dataInicial().format(YYYYMMDD)
                + "&dataFinal=" + unit.dataFinal().format(YYYYMMDD)
                + "&codigoModalidadeContratacao=" + unit.modalidade()
                + "&uf=" + unit.uf()
                + "&pagina=" + pagina
                + "&tamanhoPagina=" + settings.pageSize());
    }

    private <T> CompletableFuture<T> attempt(
            PncpEndpoint endpoint,
            FetchUnit unit,
            int pagina,
            List<RequestGate> gates,
            PageReader<T> reader,
            int attempt,
            String requestId) {
        HttpRequest request = HttpRequest.newBuilder(uri(endpoint, unit, pagina))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .GET()
                .build();
        return acquireAll(gates)
                .thenCompose(permits -> {
                    return send(request).whenComplete((response, error) -> releaseAll(gates));
                })
                .handle((response, error) -> classify(response, error, pagina, reader))
                .thenCompose(outcome -> {
                    if (outcome.page() != null) {
                        return CompletableFuture.completedFuture(outcome.page());
                    }
                    if (!outcome.retryable() || attempt >= settings.maxAttempts()) {
                        String why = attempt > 1
                                ? outcome.reason() + " (após " + attempt + " tentativas)"
                                : outcome.reason();
                        return CompletableFuture.failedFuture(new PncpFetchException(why, attempt));
                    }
                    Duration wait = retry.delayAfter(attempt, java.util.Optional.ofNullable(outcome.retryAfter()));
                    RequestIds.with(
                            requestId,
                            () -> LOG.log(
                                    Level.INFO,
                                    "PNCP retry {0} page {1} attempt {2} in {3} ms: {4}",
                                    new Object[] {unit, pagina, attempt + 1, wait.toMillis(), outcome.reason()}));
                    Executor later =
                            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, executor);
                    return CompletableFuture.supplyAsync(() -> null, later)
                            .thenCompose(
                                    ignored -> attempt(endpoint, unit, pagina, gates, reader, attempt + 1, requestId));
                });
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Every gate's permit, in order. A gate closed while a later one was awaited (a cancelled search) gives its
     * permits back and sends nothing.
     */
    private static CompletableFuture<Void> acquireAll(List<RequestGate> gates) {
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (RequestGate gate : gates) {
            all = all.thenCompose(v -> gate.acquire());
        }
        return all.thenCompose(v -> {
            if (gates.stream().anyMatch(RequestGate::closed)) {
                releaseAll(gates);
                return CompletableFuture.failedFuture(new java.util.concurrent.CancellationException("cancelled"));
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    private static void releaseAll(List<RequestGate> gates) {
        for (int i = gates.size() - 1; i >= 0; i--) {
            gates.get(i).release();
        }
    }

    private record Outcome<T>(T page, boolean retryable, String reason, String retryAfter) {
        static <T> Outcome<T> ok(T page) {
            return new Outcome<>(page, false, null, null);
        }

        static <T> Outcome<T> retry(String reason, String retryAfter) {
            return new Outcome<>(null, true, reason, retryAfter);
        }

        static <T> Outcome<T> fail(String reason) {
            return new Outcome<>(null, false, reason, null);
        }
    }

    private <T> Outcome<T> classify(HttpResponse<String> response, Throwable error, int pagina, PageReader<T> reader) {
        if (error != null) {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof java.util.concurrent.CancellationException) {
                return Outcome.fail(PncpFetcher.CANCELLED);
            }
            if (cause instanceof RequestBudgetExceededException) {
                return Outcome.fail(cause.getMessage());
            }
            if (cause instanceof HttpTimeoutException) {
                return Outcome.retry(
                        "tempo esgotado aguardando o PNCP ("
                                + settings.requestTimeout().toSeconds() + " s)",
                        null);
            }
            if (cause instanceof ConnectException) {
                return Outcome.retry("falha de conexão com o PNCP", null);
            }
            if (cause instanceof IOException) {
                return Outcome.retry(
                        "erro de comunicação com o PNCP: " + cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
                        null);
            }
            return Outcome.fail("erro inesperado ao consultar o PNCP: " + cause);
        }
        int status = response.statusCode();
        if (status == 204) {
            return Outcome.ok(reader.read(null, pagina));
        }
        if (status == 200) {
            try {
                return Outcome.ok(reader.read(response.body(), pagina));
            } catch (RuntimeException notJson) {
                return Outcome.retry(
                        "resposta inválida do PNCP (não é JSON): " + ErrorBodies.describe(response.body()), null);
            }
        }
        String reason = "HTTP " + status + describeBody(response.body());
        if (RetryPolicy.isRetryableStatus(status)) {
            return Outcome.retry(
                    reason, response.headers().firstValue("Retry-After").orElse(null));
        }
        return Outcome.fail(reason);
    }

    private static String describeBody(String body) {
        String d = ErrorBodies.describe(body);
        return d.isEmpty() ? "" : ": " + d;
    }
}
