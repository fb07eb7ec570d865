package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IngestionRun;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What a run has done so far, across the nodes that ran it: saved in {@code index_runs} and sent with its events. */
final class RunCounters {

    final long runId;
    final AtomicInteger unitsDone = new AtomicInteger();
    final AtomicInteger unitsFailed = new AtomicInteger();
    final AtomicLong records = new AtomicLong();
    final AtomicLong badRecords = new AtomicLong();
    volatile int unitsTotal;
    private long lastEventAt;

    RunCounters(long runId) {
        this.runId = runId;
    }

    /** A run continued from another node goes on from the counts that node saved. */
    void continueFrom(IngestionRun run) {
        unitsDone.set(run.unitsDone());
        unitsFailed.set(run.unitsFailed());
        records.set(run.records());
        badRecords.set(run.badRecords());
    }

    void unitEnded(UnitFetcher.Result result) {
        records.addAndGet(result.records());
        badRecords.addAndGet(result.badRecords());
        if (result.status() != UnitFetcher.Status.STOPPED) {
            unitsDone.incrementAndGet();
            if (result.status() == UnitFetcher.Status.FAILED) {
                unitsFailed.incrementAndGet();
            }
        }
    }

    /** Whether a progress event is due: after the last unit, or a second after the previous event. */
    synchronized boolean eventDue(long nowMillis) {
        if (unitsDone.get() < unitsTotal && nowMillis - lastEventAt < 1000) {
            return false;
        }
        lastEventAt = nowMillis;
        return true;
    }

    /** 5 % once planned, 95 % when every unit is done. */
    int percent() {
        return unitsTotal == 0 ? 95 : 5 + (int) (90L * unitsDone.get() / unitsTotal);
    }

    Map<String, Object> detail() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("execucao", runId);
        d.put("unidades_concluidas", unitsDone.get());
        d.put("unidades_total", unitsTotal);
        d.put("unidades_com_falha", unitsFailed.get());
        d.put("registros", records.get());
        d.put("registros_invalidos", badRecords.get());
        return d;
    }

    String summary() {
        return unitsDone.get() + " consultas, " + records.get() + " registros gravados, " + badRecords.get()
                + " inválidos ignorados, " + unitsFailed.get() + " consultas com falha";
    }
}
