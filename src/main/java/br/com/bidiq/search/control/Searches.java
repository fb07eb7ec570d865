package br.com.bidiq.search.control;

import br.com.bidiq.platform.ConflictException;
import br.com.bidiq.platform.NotFoundException;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchState;
import br.com.bidiq.search.entity.SearchView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;

/**
 * Starting, finding and cancelling searches: the one place that knows the order of the steps (claim the id, open
 * its progress log, admit it, run the worker), so every entry point follows it.
 */
@ApplicationScoped
public class Searches {

    @Inject
    SearchRegistry registry;

    @Inject
    SearchWorker worker;

    @Inject
    ProgressBus bus;

    @Inject
    SearchCancellations cancellations;

    @Inject
    SearchAdmission admission;

    @Inject
    LiveSearchBudget budget;

    /** A search answered by {@link #start}: the one started now, or the one this search_id already names. */
    public record Started(SearchState state, boolean created) {}

    /**
     * Starts the search, or follows the one its search_id already names when the criteria are the same.
     *
     * @throws ConflictException the search_id names a search with other criteria
     * @throws br.com.bidiq.platform.LimitExceededException this client or this node has no room for it now
     */
    public Started start(SearchRequest request, String client) {
        String id = request.searchId() == null ? UUID.randomUUID().toString() : normal(request.searchId());
        SearchRequest normal = request.normalized().withSearchId(id);
        if (request.searchId() != null) {
            SearchState existing = registry.find(id).orElse(null);
            if (existing != null) {
                return repeated(existing, normal);
            }
        }
        budget.check(normal.query());
        admission.reserve(id, client);
        SearchRegistry.Claim claim = open(id, normal);
        if (!claim.created()) {
            admission.finished(id);
            return repeated(claim.state(), normal);
        }
        cancellations.register(id);
        String requestId = RequestIds.current();
        SearchAdmission.Admitted admitted = admission.start(id, () -> worker.run(id, normal, requestId));
        if (!admitted.started()) {
            bus.publish(id, admitted.queuedEvent());
        }
        return new Started(claim.state(), true);
    }

    /**
     * Claims the id and opens its progress log, without running anything: the first steps of {@link #start}, also
     * for tools that publish a log of their own (the benchmarks).
     */
    public SearchRegistry.Claim open(String id, SearchRequest request) {
        SearchRegistry.Claim claim = registry.claim(id, request, RequestIds.current());
        if (claim.created()) {
            bus.open(id);
        }
        return claim;
    }

    private static Started repeated(SearchState existing, SearchRequest normal) {
        if (!normal.equals(existing.request())) {
            throw new ConflictException("Já existe uma busca com este search_id e critérios diferentes: envie os"
                    + " mesmos critérios para acompanhá-la, ou outro search_id (ou nenhum) para uma nova busca.");
        }
        return new Started(existing, false);
    }

    /** @throws NotFoundException no search has this id (or it expired) */
    public SearchState find(String searchId) {
        return registry.find(normal(searchId)).orElseThrow(() -> notFound(searchId));
    }

    /** @throws NotFoundException no search has this id (or it expired) */
    public String require(String searchId) {
        String id = normal(searchId);
        if (!registry.exists(id)) {
            throw notFound(searchId);
        }
        return id;
    }

    /**
     * Cancels a running search on whichever node runs it; one that already ended is left as it is.
     *
     * @return the search as it was when asked
     */
    public SearchState cancel(String searchId) {
        SearchState s = find(searchId);
        if (s.status() == SearchState.Status.RUNNING) {
            cancellations.cancel(s.searchId());
            if (admission.withdraw(s.searchId())) {
                // It was waiting for a slot: it ends now, without running (the worker only writes its end).
                worker.run(s.searchId(), s.request(), RequestIds.current());
            }
        }
        return s;
    }

    /** The search as the API shows it; links are paths under {@code basePath}, where the API is deployed. */
    public SearchView view(SearchState s, String basePath, boolean withResult) {
        String base = basePath + "buscar/" + s.searchId();
        return new SearchView(
                s.searchId(),
                s.status().wire(),
                base + "/events",
                base,
                s.createdAt().toString(),
                bus.last(s.searchId()).orElse(null),
                s.error(),
                s.request(),
                withResult ? s.result() : null);
    }

    static String normal(String id) {
        return id == null ? null : id.toLowerCase(Locale.ROOT);
    }

    private static NotFoundException notFound(String searchId) {
        return new NotFoundException(
                "Busca não encontrada ou expirada: " + sanitize(searchId) + ". Faça uma nova busca.");
    }

    /** The id as echoed back: at most 36 id characters, never markup. */
    private static String sanitize(String s) {
        String clean = s == null ? "" : s.replaceAll("[^A-Za-z0-9-]", "");
        return clean.length() <= 36 ? clean : clean.substring(0, 36);
    }
}
