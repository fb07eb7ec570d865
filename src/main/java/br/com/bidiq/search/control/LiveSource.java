package br.com.bidiq.search.control;

import br.com.bidiq.filtering.control.RecordFilter;
import br.com.bidiq.index.control.IndexFeed;
import br.com.bidiq.platform.Cancellation;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.pncp.control.PncpFetcher;
import br.com.bidiq.pncp.control.RequestBudgetExceededException;
import br.com.bidiq.pncp.entity.FetchProgress;
import br.com.bidiq.pncp.entity.FetchQuery;
import br.com.bidiq.pncp.entity.FetchResult;
import br.com.bidiq.search.entity.Fonte;
import br.com.bidiq.search.entity.SearchQuery;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * A search's records fetched live from PNCP: every UF x modality x window unit, one progress event per finished
 * unit. What it fetched is then written to the index in the background (when the index is reachable), so the next
 * search of that range is answered from there.
 */
final class LiveSource {

    private static final Logger LOG = RequestIds.logger(LiveSource.class);
    static final int MAX_FETCH_EVENTS = 2000;

    private final PncpFetcher fetcher;
    private final IndexFeed feed;
    private final Executor executor;
    private final Clock clock;

    /** {@code feed} null: nothing is written to the index. */
    LiveSource(PncpFetcher fetcher, IndexFeed feed, Executor executor, Clock clock) {
        this.fetcher = fetcher;
        this.feed = feed;
        this.executor = executor;
        this.clock = clock;
    }

    Fed feed(SearchQuery request, RecordFilter.Sieve sieve, Progress progress, boolean keepInIndex) {
        return feed(request, sieve, progress, keepInIndex, Cancellation.NEVER);
    }

    /**
     * @throws SearchCancelledException when {@code cancellation} fired during the fetch (nothing is indexed)
     * @throws PncpUnreachableException when every unit failed and no record was read
     */
    Fed feed(
            SearchQuery request,
            RecordFilter.Sieve sieve,
            Progress progress,
            boolean keepInIndex,
            Cancellation cancellation) {
        List<String> ufs = request.ufs();
        FetchQuery query = new FetchQuery(ufs, request.modalities(), request.from(), request.to());
        int units = fetcher.plan(query).size();
        progress.emit(
                "fetching",
                10,
                "Iniciando busca em " + Plural.estados(ufs.size()) + "...",
                Map.of("uf_total", ufs.size(), "unidades_total", units, "fonte", Fonte.PNCP.wire()));
        long started = System.nanoTime();
        // One event per finished unit, except for huge searches: at most MAX_FETCH_EVENTS keep the log bounded.
        int every = (units + MAX_FETCH_EVENTS - 1) / MAX_FETCH_EVENTS;
        FetchResult fetched = fetcher.fetch(
                query,
                p -> {
                    if (p.unitsDone() % every == 0 || p.unitsDone() == p.unitsTotal()) {
                        progress.emit(
                                "fetching",
                                10 + (int) (45L * p.unitsDone() / p.unitsTotal()),
                                "Buscando dados: " + p.ufsDone() + "/" + Plural.estados(p.ufsTotal()),
                                detail(p));
                    }
                },
                cancellation);
        if (cancellation.cancelled()) {
            throw new SearchCancelledException();
        }
        if (fetched.completedUnits().isEmpty()
                && fetched.records().isEmpty()
                && !fetched.failedUnits().isEmpty()) {
            throw new PncpUnreachableException(fetched.failedUnits());
        }
        if (fetched.outOfRangeValues() > 0) {
            LOG.warning(() -> fetched.outOfRangeValues() + " PNCP money values outside [0, 10^13] read as undisclosed");
        }
        long overBudget = fetched.failedUnits().stream()
                .filter(f -> RequestBudgetExceededException.is(f.motivo()))
                .count();
        if (overBudget > 0) {
            LOG.warning(() ->
                    "PNCP request budget of " + fetcher.budget() + " reached: " + overBudget + " units not fetched");
        }
        int raw = fetched.records().size();
        LOG.info(() -> String.format(
                "Fetched %d raw bids in %.1fs (%d requests, %d failed units)",
                raw,
                (System.nanoTime() - started) / 1e9,
                fetched.requests(),
                fetched.failedUnits().size()));
        progress.emit(
                "fetching",
                55,
                "Busca concluída: " + Plural.of(raw, "licitação encontrada", "licitações encontradas"),
                Map.of(
                        "total_raw",
                        raw,
                        "unidades_com_falha",
                        fetched.failedUnits().size()));
        if (keepInIndex && feed != null) {
            keep(fetched);
        }
        progress.emit(
                "filtering", 60, "Aplicando filtros em " + Plural.of(raw, "licitação", "licitações") + "...", Map.of());
        fetched.records().forEach(sieve::offer);
        return new Fed(raw, Fonte.PNCP, clock.instant(), fetched.failedUnits(), fetched.requests(), null);
    }

    /** In the background: the user's result does not wait for the index write. */
    private void keep(FetchResult fetched) {
        String requestId = RequestIds.current();
        CompletableFuture.runAsync(
                () -> RequestIds.with(requestId, () -> {
                    try {
                        feed.store(fetched.records(), fetched.raw(), fetched.completedUnits());
                        LOG.info(() -> "Index kept " + fetched.records().size() + " live records and "
                                + fetched.completedUnits().size() + " covered units");
                    } catch (SQLException | RuntimeException e) {
                        LOG.info(() -> "Live records not kept in the index: " + e.getMessage());
                    }
                }),
                executor);
    }

    private static Map<String, Object> detail(FetchProgress p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("uf", p.unit().uf());
        d.put("modalidade", p.unit().modalidade());
        d.put("uf_index", p.ufsDone());
        d.put("uf_total", p.ufsTotal());
        d.put("unidades_concluidas", p.unitsDone());
        d.put("unidades_total", p.unitsTotal());
        d.put("items_found", p.recordsFound());
        d.put("unidade_falhou", p.unitFailed());
        return d;
    }
}
