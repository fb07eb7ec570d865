package br.com.bidiq.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.cluster.control.ClusterSettings;
import br.com.bidiq.cluster.control.RedisConnection;
import br.com.bidiq.progress.control.LocalProgressBus;
import br.com.bidiq.progress.control.ProgressSettings;
import br.com.bidiq.search.entity.SearchResult;
import br.com.bidiq.search.entity.SearchState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry on one node without Redis: claims, the end of a search, and expiry. */
class SearchRegistryTest {

    final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    final Instant[] now = {Instant.parse("2026-12-07T10:00:00Z")};
    final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now[0];
        }
    };
    final ProgressSettings settings = new ProgressSettings(Duration.ofMinutes(60), 256);
    final RedisConnection noRedis = RedisConnection.create(null, "a", 500, Duration.ofSeconds(2), executor);
    final SearchRegistry registry = new SearchRegistry(
            noRedis,
            new SearchLeases(noRedis, new ClusterSettings(Duration.ofSeconds(10), Duration.ofSeconds(2))),
            new LocalProgressBus(executor, settings, clock),
            settings,
            clock);

    @AfterEach
    void stop() {
        noRedis.stop();
        executor.shutdownNow();
    }

    /** The registry stores the result without reading it. */
    static SearchResult result() {
        return null;
    }

    @Test
    void aSecondClaimOfTheSameIdGetsTheSameSearch() {
        SearchRegistry.Claim first = registry.claim("s1", null, "r1");
        SearchRegistry.Claim again = registry.claim("s1", null, "r2");
        assertTrue(first.created());
        assertFalse(again.created());
        assertSame(first.state(), again.state());
        assertEquals("r1", registry.find("s1").orElseThrow().requestId());
        assertTrue(registry.exists("s1"));
        assertFalse(registry.exists("other"));
        assertFalse(registry.exists(null));
    }

    @Test
    void eachEndIsRecordedWithItsTime() {
        registry.claim("ok", null, null);
        registry.claim("bad", null, null);
        registry.claim("stop", null, null);
        now[0] = now[0].plusSeconds(30);
        registry.completed("ok", result());
        registry.failed("bad", "falhou");
        registry.cancelled("stop", "cancelada");
        assertEquals(
                SearchState.Status.COMPLETE, registry.find("ok").orElseThrow().status());
        assertEquals("falhou", registry.find("bad").orElseThrow().error());
        assertEquals(
                SearchState.Status.CANCELLED,
                registry.find("stop").orElseThrow().status());
        assertEquals(now[0], registry.find("ok").orElseThrow().endedAt());
        registry.completed("unknown", result());
        assertTrue(registry.find("unknown").isEmpty(), "an end without a claim creates nothing");
    }

    @Test
    void endedSearchesGoAfterTheResultLifetimeRunningOnesStay() {
        registry.claim("ended", null, null);
        registry.claim("running", null, null);
        registry.completed("ended", result());
        now[0] = now[0].plus(Duration.ofMinutes(59));
        registry.expire();
        assertTrue(registry.exists("ended"));
        now[0] = now[0].plus(Duration.ofMinutes(2));
        registry.expire();
        assertFalse(registry.exists("ended"));
        assertTrue(registry.exists("running"));
    }

    @Test
    void withoutRedisMaintenanceFindsNoOrphans() {
        registry.claim("s", null, null);
        registry.maintain();
        assertEquals(
                SearchState.Status.RUNNING, registry.find("s").orElseThrow().status());
    }
}
