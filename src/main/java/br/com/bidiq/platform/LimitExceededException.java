package br.com.bidiq.platform;

import java.time.Duration;

/**
 * A request refused because a limit is reached: 429 when it is the client's own limit, 503 when the node is full.
 * Nothing was started; the client may try again after {@link #retryAfter()}.
 */
public class LimitExceededException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    public LimitExceededException(int status, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static LimitExceededException client(Duration retryAfter, String message) {
        return new LimitExceededException(429, retryAfter, message);
    }

    public static LimitExceededException node(Duration retryAfter, String message) {
        return new LimitExceededException(503, retryAfter, message);
    }

    public int status() {
        return status;
    }

    /** Whole seconds, at least one: the unit of the Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
