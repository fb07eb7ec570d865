package br.com.bidiq.pncp.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Splits a publication-date range into consecutive windows of at most N days, as PNCP queries must be. */
public final class DateWindows {

    private DateWindows() {}

    public static List<LocalDate[]> split(LocalDate start, LocalDate end, int maxDays) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end before start: " + start + " > " + end);
        }
        List<LocalDate[]> windows = new ArrayList<>();
        LocalDate from = start;
        while (!from.isAfter(end)) {
            LocalDate to = from.plusDays(maxDays - 1L);
            if (to.isAfter(end)) {
                to = end;
            }
            windows.add(new LocalDate[] {from, to});
            from = to.plusDays(1);
        }
        return windows;
    }
}
