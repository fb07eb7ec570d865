package br.com.bidiq.pncp.control;

import br.com.bidiq.pncp.entity.PncpEndpoint;
import java.time.Duration;

/**
 * How BidIQ talks to PNCP: page size, concurrency per search, retries and back-off, timeouts, the date window per
 * query and the page cap per unit. Built from MicroProfile Config in the server by {@link PncpProducer} (the
 * {@code pncp.*} properties, PNCP_* variables) and with {@link #defaults} in tests.
 */
public record PncpSettings(
        String baseUrl,
        int pageSize,
        int concurrencyPerSearch,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        Duration requestTimeout,
        Duration connectTimeout,
        int windowDays,
        int maxPagesPerUnit) {

    public static PncpSettings defaults(String baseUrl) {
        return new PncpSettings(
                baseUrl,
                50,
                10,
                4,
                Duration.ofMillis(1500),
                Duration.ofSeconds(15),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                30,
                500);
    }

    public PncpSettings withBackoff(Duration initial, Duration max, Duration maxRetryAfter) {
        return new PncpSettings(
                baseUrl,
                pageSize,
                concurrencyPerSearch,
                maxAttempts,
                initial,
                max,
                maxRetryAfter,
                requestTimeout,
                connectTimeout,
                windowDays,
                maxPagesPerUnit);
    }

    public PncpSettings withRequestTimeout(Duration timeout) {
        return new PncpSettings(
                baseUrl,
                pageSize,
                concurrencyPerSearch,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                timeout,
                connectTimeout,
                windowDays,
                maxPagesPerUnit);
    }

    public PncpSettings withConcurrency(int perSearch) {
        return new PncpSettings(
                baseUrl,
                pageSize,
                perSearch,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                requestTimeout,
                connectTimeout,
                windowDays,
                maxPagesPerUnit);
    }

    public String endpoint(PncpEndpoint endpoint) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + endpoint.path();
    }
}
