package br.com.bidiq.pncp.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the node's one PNCP client, its node-wide request gate (shared by searches and index ingestion) and the
 * search fetcher from MicroProfile Config.
 */
@ApplicationScoped
public class PncpProducer {

    @Inject
    @ConfigProperty(name = "pncp.base-url")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "pncp.concurrency")
    int concurrency;

    @Inject
    @ConfigProperty(name = "pncp.node-concurrency")
    int nodeConcurrency;

    @Inject
    @ConfigProperty(name = "pncp.request-timeout-seconds")
    long requestTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "pncp.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "pncp.backoff-initial-ms")
    long backoffInitialMs;

    @Inject
    @ConfigProperty(name = "pncp.backoff-max-ms")
    long backoffMaxMs;

    @Inject
    @ConfigProperty(name = "pncp.retry-after-max-seconds")
    long retryAfterMaxSeconds;

    @Inject
    @ConfigProperty(name = "pncp.max-pages")
    int maxPages;

    @Inject
    @ConfigProperty(name = "pncp.max-requests-per-search")
    long maxRequestsPerSearch;

    @Resource
    ManagedExecutorService executor;

    @Produces
    @Singleton
    RequestGate nodeGate() {
        return new RequestGate(nodeConcurrency, executor);
    }

    @Produces
    @Singleton
    PncpClient client() {
        PncpSettings settings = new PncpSettings(
                baseUrl,
                50,
                concurrency,
                maxAttempts,
                Duration.ofMillis(backoffInitialMs),
                Duration.ofMillis(backoffMaxMs),
                Duration.ofSeconds(retryAfterMaxSeconds),
                Duration.ofSeconds(requestTimeoutSeconds),
                Duration.ofSeconds(10),
                30,
                maxPages);
        RetryPolicy retry = new RetryPolicy(
                settings.initialBackoff(), settings.maxBackoff(), settings.maxRetryAfter(), Clock.systemUTC());
        return new PncpClient(PncpClient.newHttpClient(settings, executor), settings, retry, executor);
    }

    @Produces
    @Singleton
    PncpFetcher fetcher(PncpClient client, RequestGate nodeGate) {
        return new PncpFetcher(client, nodeGate, executor, maxRequestsPerSearch);
    }
}
