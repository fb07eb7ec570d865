package br.com.bidiq.pncp.entity;

import java.util.List;

/** Every distinct record found, the units that failed, and how many HTTP requests it took. */
public record FetchResult(List<PncpRecord> records, List<FailedUnit> failedUnits, int unitsTotal, int requests,
                          int rawRecords) {
}
