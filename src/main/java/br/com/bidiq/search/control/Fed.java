package br.com.bidiq.search.control;

import br.com.bidiq.index.entity.UncoveredRange;
import br.com.bidiq.pncp.entity.FailedUnit;
import br.com.bidiq.search.entity.Fonte;
import java.time.Instant;
import java.util.List;

/**
 * What a source handed to a search's filters: how many records, from where ({@link Fonte#INDICE} or
 * {@link Fonte#PNCP}), how fresh, and what it could not read (failed PNCP units, or ranges the index lacks).
 */
record Fed(
        int considered,
        Fonte fonte,
        Instant freshAt,
        List<FailedUnit> failedUnits,
        int pncpRequests,
        List<UncoveredRange> uncovered) {}
