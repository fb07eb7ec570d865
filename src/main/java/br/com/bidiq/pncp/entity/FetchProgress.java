package br.com.bidiq.pncp.entity;

/** Reported once per finished unit, in order; counts only grow. */
public record FetchProgress(
        FetchUnit unit,
        int unitsDone,
        int unitsTotal,
        int ufsDone,
        int ufsTotal,
        int recordsFound,
        boolean unitFailed) {}
