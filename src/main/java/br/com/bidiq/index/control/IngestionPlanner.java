package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.PlannedUnit;
import br.com.bidiq.pncp.control.DateWindows;
import br.com.bidiq.pncp.entity.PncpEndpoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides what a new run fetches. With a watermark (the day the last run planned up to), an incremental pass over
 * {@code /atualizacao} from the watermark minus the overlap to today: every notice published or changed since then.
 * Then a backfill over {@code /publicacao} of every day of the history that no unit covers yet, for every configured
 * UF x modality. The first run has no watermark and backfills the whole history.
 */
final class IngestionPlanner {

    private final IndexSettings settings;

    IngestionPlanner(IndexSettings settings) {
        this.settings = settings;
    }

    /** {@code existing}: every unit already planned or covered, of either endpoint, whatever its status. */
    List<PlannedUnit> plan(LocalDate today, Optional<LocalDate> watermark, Collection<PlannedUnit> existing) {
        LocalDate from = historyStart(today);
        List<PlannedUnit> planned = new ArrayList<>();
        LocalDate incrementalFrom = null;
        if (watermark.isPresent()) {
            LocalDate start = watermark.get().minusDays(settings.overlapDays());
            incrementalFrom = start.isBefore(from) ? from : start;
            if (incrementalFrom.isAfter(today)) {
                incrementalFrom = today;
            }
        }
        int days = (int) (today.toEpochDay() - from.toEpochDay()) + 1;
        Map<String, List<PlannedUnit>> existingByUnit =
                existing.stream().collect(Collectors.groupingBy(u -> u.uf() + "|" + u.modalidade()));
        for (String uf : settings.ufs()) {
            for (int modalidade : settings.modalidades()) {
                if (incrementalFrom != null) {
                    for (LocalDate[] w : DateWindows.split(incrementalFrom, today, settings.windowDays())) {
                        planned.add(new PlannedUnit(PncpEndpoint.ATUALIZACAO, uf, modalidade, w[0], w[1]));
                    }
                }
                BitSet covered = new BitSet(days);
                for (PlannedUnit u : existingByUnit.getOrDefault(uf + "|" + modalidade, List.of())) {
                    mark(covered, from, days, u.dataInicial(), u.dataFinal());
                }
                if (incrementalFrom != null) {
                    mark(covered, from, days, incrementalFrom, today);
                }
                for (int start = covered.nextClearBit(0); start < days; start = covered.nextClearBit(start)) {
                    int end = Math.min(days, covered.nextSetBit(start) < 0 ? days : covered.nextSetBit(start));
                    for (LocalDate[] w :
                            DateWindows.split(from.plusDays(start), from.plusDays(end - 1L), settings.windowDays())) {
                        planned.add(new PlannedUnit(PncpEndpoint.PUBLICACAO, uf, modalidade, w[0], w[1]));
                    }
                    start = end;
                }
            }
        }
        return planned;
    }

    LocalDate historyStart(LocalDate today) {
        return today.minusDays(settings.historyDays() - 1L);
    }

    private static void mark(BitSet covered, LocalDate from, int days, LocalDate a, LocalDate b) {
        int start = (int) Math.max(0, a.toEpochDay() - from.toEpochDay());
        int end = (int) Math.min(days - 1L, b.toEpochDay() - from.toEpochDay());
        if (start <= end) {
            covered.set(start, end + 1);
        }
    }
}
