package br.com.bidiq.search.control;

import br.com.bidiq.index.control.IndexSearch;
import br.com.bidiq.pncp.control.PncpFetcher;
import br.com.bidiq.pncp.entity.FetchQuery;
import br.com.bidiq.search.entity.Fonte;
import br.com.bidiq.search.entity.SearchQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Refuses, before it starts, a search that would go to PNCP live with more queries than its request budget
 * ({@code PNCP_MAX_REQUESTS_PER_SEARCH}): each UF x modality x window is at least one request, so a plan with more
 * units than the budget cannot finish. A search the local index answers has no such limit.
 */
@ApplicationScoped
public class LiveSearchBudget {

    @Inject
    PncpFetcher fetcher;

    @Inject
    IndexSearch index;

    /** @throws PlanTooLargeException when the search would go live with a plan over the budget */
    public void check(SearchQuery request) {
        if (request.openOnly() || request.from() == null || request.to() == null || request.source() == Fonte.INDICE) {
            return;
        }
        long units = fetcher.plan(new FetchQuery(request.ufs(), request.modalities(), request.from(), request.to()))
                .size();
        long budget = fetcher.budget();
        if (units <= budget) {
            return;
        }
        if (request.source() == Fonte.AUTO && SourceChoice.of(request, index).fonte() == Fonte.INDICE) {
            return;
        }
        throw new PlanTooLargeException(
                units,
                budget,
                "Esta busca precisaria de pelo menos " + units
                        + " consultas ao PNCP, acima do limite de " + budget
                        + " por busca. Escolha menos UFs ou modalidades,"
                        + " ou um período menor (buscas que o índice local já cobre não têm esse limite).");
    }
}
