package br.com.bidiq.pncp.control;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a PNCP request again: exponential backoff with jitter, or the server's Retry-After (seconds or an HTTP
 * date) capped so one throttled page cannot stall a whole search.
 */
public final class RetryPolicy {

    private final Duration initial;
    private final Duration max;
    private final Duration maxRetryAfter;
    private final Clock clock;

    public RetryPolicy(Duration initial, Duration max, Duration maxRetryAfter, Clock clock) {
        this.initial = initial;
        this.max = max;
        this.maxRetryAfter = maxRetryAfter;
        this.clock = clock;
    }

    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599);
    }

    /** Delay before attempt {@code failedAttempt + 1}; attempts count from 1. */
    public Duration delayAfter(int failedAttempt, Optional<String> retryAfterHeader) {
        Optional<Duration> asked = retryAfterHeader.flatMap(this::parseRetryAfter);
        if (asked.isPresent()) {
            Duration wanted = asked.get();
            return wanted.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wanted;
        }
        double exponential = initial.toMillis() * Math.pow(2, failedAttempt - 1);
        double capped = Math.min(exponential, max.toMillis());
        double jitter = ThreadLocalRandom.current().nextDouble(0.5, 1.5);
        return Duration.ofMillis(Math.round(capped * jitter));
    }

    Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(v);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
