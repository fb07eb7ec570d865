package br.com.bidiq.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.platform.LimitExceededException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchAdmissionTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final List<String> launched = new ArrayList<>();

    SearchAdmission.Admitted admit(SearchAdmission a, String id, String client) {
        a.reserve(id, client);
        return a.start(id, () -> launched.add(id));
    }

    @Test
    void runsAtMostTheLimitAndQueuesTheRestInArrivalOrder() {
        SearchAdmission a = new SearchAdmission(2, 2, 10, 100, 1000, clock);
        assertTrue(admit(a, "s1", "a").started());
        assertTrue(admit(a, "s2", "b").started());
        SearchAdmission.Admitted third = admit(a, "s3", "c");
        assertFalse(third.started());
        assertEquals(0, third.ahead());
        assertEquals(1, admit(a, "s4", "d").ahead());
        assertEquals(List.of("s1", "s2"), launched);

        LimitExceededException full = assertThrows(LimitExceededException.class, () -> a.reserve("s5", "e"));
        assertEquals(503, full.status());
        assertTrue(full.getMessage().contains("Servidor ocupado"), full.getMessage());
        assertTrue(full.retryAfterSeconds() >= 1);

        a.finished("s1");
        assertEquals(List.of("s1", "s2", "s3"), launched, "the first waiting one takes the freed slot");
        assertEquals(2, a.running());
        assertEquals(1, a.queued());
        a.finished("s2");
        a.finished("s3");
        a.finished("s4");
        assertEquals(0, a.running());
        assertEquals(0, a.queued());
    }

    @Test
    void aClientHasAtMostItsShareRunningOrWaiting() {
        SearchAdmission a = new SearchAdmission(1, 10, 3, 100, 1000, clock);
        admit(a, "s1", "10.0.0.1");
        admit(a, "s2", "10.0.0.1");
        admit(a, "s3", "10.0.0.1");
        LimitExceededException busy = assertThrows(LimitExceededException.class, () -> a.reserve("s4", "10.0.0.1"));
        assertEquals(429, busy.status());
        assertTrue(busy.getMessage().contains("3 buscas em andamento"), busy.getMessage());
        admit(a, "o1", "10.0.0.2");

        a.finished("s1");
        admit(a, "s4", "10.0.0.1");
    }

    @Test
    void aClientStartsAtMostItsRatePerMinute() {
        SearchAdmission a = new SearchAdmission(100, 0, 100, 3, 1000, clock);
        for (int i = 0; i < 3; i++) {
            admit(a, "s" + i, "c");
            a.finished("s" + i);
            clock.now = clock.now.plusSeconds(10);
        }
        LimitExceededException rate = assertThrows(LimitExceededException.class, () -> a.reserve("s9", "c"));
        assertEquals(429, rate.status());
        assertEquals(30, rate.retryAfterSeconds(), "until the first start of the window is a minute old");
        admit(a, "other", "d");
        clock.now = clock.now.plus(Duration.ofSeconds(31));
        admit(a, "s9", "c");
    }

    @Test
    void aClientStartsAtMostItsSearchesPerDayUntilMidnightInBrasilia() {
        clock.now = java.time.Instant.parse("2026-03-10T23:00:00Z"); // 20:00 in Brasília (UTC-3)
        SearchAdmission a = new SearchAdmission(100, 0, 100, 100, 2, clock);
        admit(a, "d1", "c");
        a.finished("d1");
        admit(a, "d2", "c");
        a.finished("d2");
        LimitExceededException day = assertThrows(LimitExceededException.class, () -> a.reserve("d3", "c"));
        assertEquals(429, day.status());
        assertEquals(4 * 3600, day.retryAfterSeconds(), "until 00:00 in Brasília (03:00 UTC)");
        org.junit.jupiter.api.Assertions.assertTrue(day.getMessage().contains("2 buscas por dia"), day.getMessage());
        admit(a, "other", "d"); // another client has its own count
        clock.now = java.time.Instant.parse("2026-03-11T02:59:00Z");
        assertThrows(LimitExceededException.class, () -> a.reserve("d3", "c"));
        clock.now = java.time.Instant.parse("2026-03-11T03:00:00Z");
        admit(a, "d3", "c");
    }

    @Test
    void aRefusalCountsNothing() {
        SearchAdmission a = new SearchAdmission(1, 0, 1, 100, 1000, clock);
        admit(a, "s1", "c");
        assertThrows(LimitExceededException.class, () -> a.reserve("s2", "c"));
        assertThrows(LimitExceededException.class, () -> a.reserve("s3", "d"));
        a.finished("s1");
        assertTrue(admit(a, "s2", "c").started());
    }

    @Test
    void aWithdrawnSearchLeavesTheQueueWithoutTakingASlot() {
        SearchAdmission a = new SearchAdmission(1, 5, 5, 100, 1000, clock);
        admit(a, "s1", "c");
        admit(a, "s2", "c");
        admit(a, "s3", "c");
        assertTrue(a.withdraw("s2"));
        assertFalse(a.withdraw("s1"), "a running search is not waiting");
        a.finished("s2");
        a.finished("s1");
        assertEquals(List.of("s1", "s3"), launched);
        assertEquals(1, a.running());
    }

    @Test
    void aReservedSearchThatTurnsOutRepeatedGivesItsSlotBack() {
        SearchAdmission a = new SearchAdmission(1, 5, 5, 100, 1000, clock);
        a.reserve("dup", "c");
        admit(a, "s2", "c");
        a.finished("dup");
        assertEquals(List.of("s2"), launched);
        assertEquals(1, a.running());
    }

    @Test
    void aLaunchThatFailsReleasesItsSlot() {
        SearchAdmission a = new SearchAdmission(1, 5, 5, 100, 1000, clock);
        a.reserve("bad", "c");
        a.start("bad", () -> {
            throw new IllegalStateException("no thread");
        });
        assertEquals(0, a.running());
        assertTrue(admit(a, "s2", "c").started());
    }
}
