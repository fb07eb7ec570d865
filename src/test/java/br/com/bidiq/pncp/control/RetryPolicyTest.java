package br.com.bidiq.pncp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    final RetryPolicy policy =
            new RetryPolicy(Duration.ofMillis(1500), Duration.ofSeconds(15), Duration.ofSeconds(30), clock);

    @Test
    void backoffGrowsExponentiallyWithJitterAndIsCapped() {
        for (int i = 0; i < 50; i++) {
            long first = policy.delayAfter(1, Optional.empty()).toMillis();
            long third = policy.delayAfter(3, Optional.empty()).toMillis();
            long tenth = policy.delayAfter(10, Optional.empty()).toMillis();
            assertTrue(first >= 750 && first <= 2250, "first " + first);
            assertTrue(third >= 3000 && third <= 9000, "third " + third);
            assertTrue(tenth >= 7500 && tenth <= 22500, "tenth " + tenth);
        }
    }

    @Test
    void retryAfterSecondsAndDatesAreHonouredUpToTheCap() {
        assertEquals(Duration.ofSeconds(7), policy.delayAfter(1, Optional.of("7")));
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(1, Optional.of("600")));
        assertEquals(Duration.ofSeconds(20), policy.delayAfter(1, Optional.of("Sun, 29 Nov 2026 12:00:20 GMT")));
        assertEquals(Duration.ZERO, policy.delayAfter(1, Optional.of("Sun, 29 Nov 2026 11:00:00 GMT")));
        long garbage = policy.delayAfter(1, Optional.of("soon")).toMillis();
        assertTrue(garbage >= 750 && garbage <= 2250);
    }

    @Test
    void retryableStatuses() {
        for (int s : new int[] {408, 429, 500, 502, 503, 504}) {
            assertTrue(RetryPolicy.isRetryableStatus(s));
        }
        for (int s : new int[] {200, 204, 400, 404, 422}) {
            assertTrue(!RetryPolicy.isRetryableStatus(s));
        }
    }
}
