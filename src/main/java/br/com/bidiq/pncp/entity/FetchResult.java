package br.com.bidiq.pncp.entity;

import java.util.List;

/**
 * Every distinct record found (with PNCP's own JSON of each, in {@code raw}, null where a record is too incomplete to
 * be indexed), the units that failed and those fetched completely, how many HTTP requests it took, and how many
 * money values were outside [0, 10^13] and read as "não informado".
 */
public record FetchResult(
        List<PncpRecord> records,
        List<String> raw,
        List<FailedUnit> failedUnits,
        List<FetchUnit> completedUnits,
        int unitsTotal,
        int requests,
        int rawRecords,
        int outOfRangeValues) {}
