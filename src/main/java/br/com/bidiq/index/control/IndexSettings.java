package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IndexOverview;
import java.time.Duration;
import java.util.List;

/**
 * What the index fetches and how often. {@code windowDays} is the longest date window of one PNCP query;
 * {@code overlapDays} how far an incremental run reaches back before the last one.
 */
public record IndexSettings(
        boolean enabled,
        Duration interval,
        int historyDays,
        List<String> ufs,
        List<Integer> modalidades,
        int windowDays,
        int overlapDays,
        int concurrency,
        Duration lease,
        int maxPagesPerUnit) {

    public static final int MAX_HISTORY_DAYS = 400;
    public static final List<String> ALL_UFS = List.of(
            "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA", "PB", "PE", "PI", "PR",
            "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO");
    public static final List<Integer> DEFAULT_MODALIDADES = List.of(4, 5, 6, 7, 8, 12);

    public IndexSettings {
        if (historyDays < 1 || historyDays > MAX_HISTORY_DAYS) {
            throw new IllegalArgumentException(
                    "INDEX_HISTORY_DAYS must be 1.." + MAX_HISTORY_DAYS + ": " + historyDays);
        }
        for (String uf : ufs) {
            if (!ALL_UFS.contains(uf)) {
                throw new IllegalArgumentException("INDEX_UFS: unknown UF " + uf);
            }
        }
        for (int m : modalidades) {
            if (m < 1 || m > 14) {
                throw new IllegalArgumentException("INDEX_MODALIDADES: modality codes are 1..14: " + m);
            }
        }
        if (ufs.isEmpty() || modalidades.isEmpty()) {
            throw new IllegalArgumentException("INDEX_UFS and INDEX_MODALIDADES must not be empty");
        }
        if (windowDays < 1 || overlapDays < 0 || concurrency < 1 || lease.toSeconds() < 1 || maxPagesPerUnit < 1) {
            throw new IllegalArgumentException("index settings out of range");
        }
        ufs = List.copyOf(ufs);
        modalidades = List.copyOf(modalidades);
    }

    public IndexOverview.Schedule schedule() {
        return new IndexOverview.Schedule(enabled, interval.toMillis() / 60_000.0, historyDays, ufs, modalidades);
    }
}
