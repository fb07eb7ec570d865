package br.com.bidiq.search.control;

import br.com.bidiq.filtering.control.StatusInference;
import br.com.bidiq.platform.LimitExceededException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many searches each client started today, a calendar day in Brasília time (the day the users live in), against
 * the limit it is given ({@code SEARCH_MAX_PER_DAY}). Not thread-safe: {@link SearchAdmission} calls it under its lock.
 */
final class DailyQuota {

    /** Clients remembered per day: past it the ones idle longest are forgotten, so memory stays bounded. */
    static final int MAX_CLIENTS = 100_000;

    private LocalDate day;
    private final Map<String, Integer> started = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /** @throws LimitExceededException 429 until midnight in Brasília when the client has used today's searches */
    void check(String client, Instant now, int maxPerDay) {
        roll(now);
        int used = started.getOrDefault(client, 0);
        if (used >= maxPerDay) {
            Duration wait = Duration.between(
                    now, day.plusDays(1).atStartOfDay(StatusInference.BRASILIA).toInstant());
            throw LimitExceededException.client(
                    wait,
                    "Limite de " + maxPerDay + " buscas por dia atingido. A contagem recomeça à meia-noite"
                            + " (horário de Brasília), em " + hours(wait) + ".");
        }
    }

    void count(String client, Instant now) {
        roll(now);
        started.merge(client, 1, Integer::sum);
    }

    private void roll(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, StatusInference.BRASILIA);
        if (!today.equals(day)) {
            day = today;
            started.clear();
        }
    }

    private static String hours(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
