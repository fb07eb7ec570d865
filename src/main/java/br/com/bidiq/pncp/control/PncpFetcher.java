package br.com.bidiq.pncp.control;

import br.com.bidiq.platform.Cancellation;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.pncp.entity.FailedUnit;
import br.com.bidiq.pncp.entity.FetchProgress;
import br.com.bidiq.pncp.entity.FetchQuery;
import br.com.bidiq.pncp.entity.FetchResult;
import br.com.bidiq.pncp.entity.FetchUnit;
import br.com.bidiq.pncp.entity.PncpPage;
import br.com.bidiq.pncp.entity.PncpRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches every record of a query: all UF x modality x 30-day-window units concurrently, every page of each, through
 * a per-search gate (requests in flight for this search) and the node-wide gate (all searches of this node).
 * Records are de-duplicated by numeroControlePNCP, keeping the newest publication. Failed units are reported, never
 * hidden, and the records fetched before a failure are kept.
 */
public class PncpFetcher {

    private static final Logger LOG = RequestIds.logger(PncpFetcher.class);
    static final String CANCELLED = "busca cancelada";

    private final PncpClient client;
    private final RequestGate nodeGate;
    private final Executor executor;

    private final long budget;

    public PncpFetcher(PncpClient client, RequestGate nodeGate, Executor executor) {
        this(client, nodeGate, executor, Long.MAX_VALUE);
    }

    /** {@code budget}: the most PNCP requests (pages and retries) one fetch may send. */
    public PncpFetcher(PncpClient client, RequestGate nodeGate, Executor executor, long budget) {
        this.budget = budget;
        this.client = client;
        this.nodeGate = nodeGate;
        this.executor = executor;
    }

    /** The most PNCP requests one fetch may send; a fetch that reaches it reports its remaining units as failed. */
    public long budget() {
        return budget;
    }

    /** The UF x modality x window units a query is fetched in. */
    public List<FetchUnit> plan(FetchQuery query) {
        List<FetchUnit> units = new ArrayList<>();
        List<LocalDate[]> windows = DateWindows.split(
                query.dataInicial(), query.dataFinal(), client.settings().windowDays());
        for (String uf : query.ufs()) {
            for (int modalidade : query.modalidades()) {
                for (LocalDate[] w : windows) {
                    units.add(new FetchUnit(uf, modalidade, w[0], w[1]));
                }
            }
        }
        return units;
    }

    public FetchResult fetch(FetchQuery query, FetchListener listener) {
        return fetch(query, listener, Cancellation.NEVER);
    }

    /**
     * As {@link #fetch(FetchQuery, FetchListener)}; once {@code cancellation} fires no further PNCP request leaves
     * (the ones in flight finish) and the units not fetched yet end as failed, so this returns promptly.
     */
    public FetchResult fetch(FetchQuery query, FetchListener listener, Cancellation cancellation) {
        PncpSettings settings = client.settings();
        List<FetchUnit> units = plan(query);
        Run run = new Run(units, listener);
        RequestGate searchGate = new RequestGate(settings.concurrencyPerSearch(), executor, budget);
        cancellation.onCancel(searchGate::close);
        List<RequestGate> gates = List.of(searchGate, nodeGate);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (FetchUnit unit : units) {
            all.add(fetchUnit(unit, gates, settings.maxPagesPerUnit()).thenAccept(run::finished));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return run.result((int) searchGate.granted());
    }

    private CompletableFuture<UnitOutcome> fetchUnit(FetchUnit unit, List<RequestGate> gates, int maxPages) {
        return client.fetchPage(unit, 1, gates)
                .handle((first, error) -> {
                    if (error != null) {
                        return CompletableFuture.completedFuture(UnitOutcome.failed(
                                unit, List.of(), List.of(), FailedUnit.of(unit, 1, reason(error)), 0));
                    }
                    int lastPage = first.lastPage();
                    if (lastPage <= 1) {
                        return CompletableFuture.completedFuture(
                                UnitOutcome.ok(unit, first.records(), first.raw(), first.outOfRangeValues()));
                    }
                    int reachable = Math.min(lastPage, maxPages);
                    List<CompletableFuture<PageOutcome>> rest = new ArrayList<>();
                    for (int p = 2; p <= reachable; p++) {
                        int pagina = p;
                        rest.add(client.fetchPage(unit, pagina, gates)
                                .handle((page, e) -> e == null
                                        ? new PageOutcome(pagina, page, null)
                                        : new PageOutcome(pagina, null, reason(e))));
                    }
                    return CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new))
                            .thenApply(v -> {
                                List<PncpRecord> records = new ArrayList<>(first.records());
                                List<String> raw = new ArrayList<>(first.raw());
                                FailedUnit failure = null;
                                int outOfRange = first.outOfRangeValues();
                                for (CompletableFuture<PageOutcome> f : rest) {
                                    PageOutcome o = f.join();
                                    if (o.page() != null) {
                                        records.addAll(o.page().records());
                                        raw.addAll(o.page().raw());
                                        outOfRange += o.page().outOfRangeValues();
                                    } else if (failure == null) {
                                        failure = FailedUnit.of(unit, o.pagina(), o.reason());
                                    }
                                }
                                if (failure == null && reachable < lastPage) {
                                    LOG.warning(
                                            () -> "PNCP page limit reached for " + unit + ": " + lastPage + " pages");
                                    failure = FailedUnit.of(
                                            unit,
                                            reachable + 1,
                                            "limite de " + maxPages + " páginas por consulta atingido; "
                                                    + (lastPage - reachable) + " páginas não buscadas");
                                }
                                return failure == null
                                        ? UnitOutcome.ok(unit, records, raw, outOfRange)
                                        : UnitOutcome.failed(unit, records, raw, failure, outOfRange);
                            });
                })
                .thenCompose(f -> f);
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof java.util.concurrent.CancellationException) {
            return CANCELLED;
        }
        return cause instanceof PncpFetchException ? cause.getMessage() : "erro inesperado: " + cause;
    }

    private record PageOutcome(int pagina, PncpPage page, String reason) {}

    /** {@code raw} runs parallel to {@code records} (see {@link PncpPage#raw()}). */
    private record UnitOutcome(
            FetchUnit unit, List<PncpRecord> records, List<String> raw, FailedUnit failure, int outOfRangeValues) {
        static UnitOutcome ok(FetchUnit unit, List<PncpRecord> records, List<String> raw, int outOfRange) {
            return new UnitOutcome(unit, records, raw, null, outOfRange);
        }

        static UnitOutcome failed(
                FetchUnit unit, List<PncpRecord> records, List<String> raw, FailedUnit failure, int outOfRange) {
            return new UnitOutcome(unit, records, raw, failure, outOfRange);
        }
    }

    /** The mutable state of one fetch; every method is called under its lock, so progress is ordered. */
    private static final class Run {
        private final int unitsTotal;
        private final Map<String, Integer> unitsLeftPerUf = new LinkedHashMap<>();
        private final Map<String, PncpRecord> byControlNumber = new HashMap<>();
        private final Map<String, String> rawByControlNumber = new HashMap<>();
        private final List<FailedUnit> failures = new ArrayList<>();
        private final List<FetchUnit> completed = new ArrayList<>();
        private final FetchListener listener;
        private final String requestId = RequestIds.current();
        private int unitsDone;
        private int ufsDone;
        private int raw;
        private int outOfRange;

        Run(List<FetchUnit> units, FetchListener listener) {
            this.unitsTotal = units.size();
            this.listener = listener;
            for (FetchUnit u : units) {
                unitsLeftPerUf.merge(u.uf(), 1, Integer::sum);
            }
        }

        synchronized void finished(UnitOutcome outcome) {
            RequestIds.with(requestId, () -> record(outcome));
        }

        private void record(UnitOutcome outcome) {
            for (int i = 0; i < outcome.records().size(); i++) {
                PncpRecord r = outcome.records().get(i);
                PncpRecord kept = byControlNumber.merge(r.numeroControlePncp(), r, PncpRecord::newest);
                if (kept == r) {
                    rawByControlNumber.put(r.numeroControlePncp(), outcome.raw().get(i));
                }
            }
            raw += outcome.records().size();
            outOfRange += outcome.outOfRangeValues();
            if (outcome.failure() == null) {
                completed.add(outcome.unit());
            } else {
                failures.add(outcome.failure());
                LOG.log(
                        CANCELLED.equals(outcome.failure().motivo())
                                        || RequestBudgetExceededException.is(
                                                outcome.failure().motivo())
                                ? Level.FINE
                                : Level.WARNING,
                        "PNCP unit failed {0}: {1}",
                        new Object[] {outcome.unit(), outcome.failure().motivo()});
            }
            unitsDone++;
            if (unitsLeftPerUf.merge(outcome.unit().uf(), -1, Integer::sum) == 0) {
                ufsDone++;
            }
            try {
                listener.unitFinished(new FetchProgress(
                        outcome.unit(),
                        unitsDone,
                        unitsTotal,
                        ufsDone,
                        unitsLeftPerUf.size(),
                        byControlNumber.size(),
                        outcome.failure() != null));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "progress listener failed", e);
            }
        }

        synchronized FetchResult result(int requests) {
            List<PncpRecord> records = new ArrayList<>(byControlNumber.values());
            records.sort(Comparator.comparing(PncpRecord::numeroControlePncp));
            List<FailedUnit> failed = new ArrayList<>(failures);
            failed.sort(Comparator.comparing(FailedUnit::uf)
                    .thenComparingInt(FailedUnit::modalidade)
                    .thenComparing(FailedUnit::dataInicial));
            List<String> rawJson = records.stream()
                    .map(r -> rawByControlNumber.get(r.numeroControlePncp()))
                    .toList();
            return new FetchResult(
                    records, rawJson, failed, List.copyOf(completed), unitsTotal, requests, raw, outOfRange);
        }
    }
}
