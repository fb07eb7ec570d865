package br.com.bidiq.index.entity;

import java.time.Instant;
import java.util.List;

/**
 * What the index can say about a search's UFs x modalities x days: the ranges it cannot answer for (none means it
 * covers them all, with no failed unit and data fresh enough), and when the stalest of those UF x modality lanes was
 * last brought up to date (null when none has data).
 */
public record IndexCoverage(List<UncoveredRange> missing, Instant freshAt) {

    public IndexCoverage {
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
