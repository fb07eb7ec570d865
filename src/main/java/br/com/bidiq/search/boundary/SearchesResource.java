package br.com.bidiq.search.boundary;

import br.com.bidiq.platform.ClientAddress;
import br.com.bidiq.platform.ErrorMappers;
import br.com.bidiq.platform.InvalidRequestException;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.search.control.LiveSearchBudget;
import br.com.bidiq.search.control.SearchAdmission;
import br.com.bidiq.search.control.SearchCancellations;
import br.com.bidiq.search.control.SearchRegistry;
import br.com.bidiq.search.control.SearchWorker;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchState;
import br.com.bidiq.search.entity.SearchView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Starts searches (202 + Location) and answers their status and result. */
@Path("buscar")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SearchesResource {

    @Inject
    SearchRegistry registry;

    @Inject
    Validator validator;

    @Inject
    SearchWorker worker;

    @Inject
    ProgressBus bus;

    @Inject
    SearchCancellations cancellations;

    @Inject
    SearchAdmission admission;

    @Inject
    ClientAddress clients;

    @Inject
    LiveSearchBudget budget;

    @POST
    @Operation(summary = "Inicia uma busca; repetir o mesmo search_id com os mesmos critérios devolve a mesma"
            + " busca (critérios diferentes: 409). Limites por cliente: 429; servidor cheio: 503 (com Retry-After)")
    public Response start(SearchRequest request, @Context UriInfo uri, @Context HttpServletRequest http) {
        if (request == null) {
            return ErrorMappers.json(Response.Status.BAD_REQUEST, "Envie o corpo da busca em JSON.");
        }
        Set<ConstraintViolation<SearchRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        String id = request.searchId() == null ? UUID.randomUUID().toString()
                : request.searchId().toLowerCase(java.util.Locale.ROOT);
        SearchRequest normal = request.normalized().withSearchId(id);
        if (request.searchId() != null) {
            Optional<SearchState> existing = registry.find(id);
            if (existing.isPresent()) {
                return repeated(existing.get(), normal, uri);
            }
        }
        budget.check(normal);
        admission.reserve(id, clients.of(http));
        SearchRegistry.Claim claim = registry.claim(id, normal, RequestIds.current());
        if (!claim.created()) {
            admission.finished(id);
            return repeated(claim.state(), normal, uri);
        }
        cancellations.register(id);
        bus.open(id, normal.ufList().size());
        String requestId = RequestIds.current();
        SearchAdmission.Admitted admitted = admission.start(id, () -> worker.run(id, normal, requestId));
        if (!admitted.started()) {
            bus.publish(id, admitted.queuedEvent());
        }
        return Response.accepted(view(claim.state(), false, uri, bus)).location(location(uri, id)).build();
    }

    /** The same search_id again: the same criteria follow that search; other criteria are a conflict. */
    private Response repeated(SearchState existing, SearchRequest normal, UriInfo uri) {
        if (!normal.equals(existing.request())) {
            return ErrorMappers.json(Response.Status.CONFLICT, "Já existe uma busca com este search_id e critérios"
                    + " diferentes: envie os mesmos critérios para acompanhá-la, ou outro search_id (ou nenhum) para"
                    + " uma nova busca.");
        }
        return Response.accepted(view(existing, false, uri, bus)).location(location(uri, existing.searchId()))
                .build();
    }

    private static java.net.URI location(UriInfo uri, String id) {
        return uri.getBaseUriBuilder().path("buscar").path(id).build();
    }

    @GET
    @Path("{searchId}")
    @Operation(summary = "Status da busca; o resultado completo quando concluída")
    public Response get(@PathParam("searchId") String searchId, @Context UriInfo uri) {
        return registry.find(normal(searchId))
                .map(s -> Response.ok(view(s, true, uri, bus)).build())
                .orElseGet(() -> notFound(searchId));
    }

    /**
     * Cancels a running search on whichever node runs it: its PNCP work stops, its stream ends with a
     * {@code cancelled} event and nothing is kept. Idempotent; a search that already ended is left as it is (200
     * with its state); a running one answers 202 while it stops.
     */
    @DELETE
    @Path("{searchId}")
    @Operation(summary = "Cancela uma busca em andamento (em qualquer nó); buscas já encerradas não mudam")
    public Response cancel(@PathParam("searchId") String searchId, @Context UriInfo uri) {
        String id = normal(searchId);
        return registry.find(id).map(s -> {
            if (s.status() != SearchState.Status.RUNNING) {
                return Response.ok(view(s, false, uri, bus)).build();
            }
            cancellations.cancel(id);
            if (admission.withdraw(id)) {
                // It was waiting for a slot: it ends now, without running (the worker only writes its end).
                worker.run(id, s.request(), RequestIds.current());
            }
            return Response.accepted(view(s, false, uri, bus)).build();
        }).orElseGet(() -> notFound(searchId));
    }

    static String normal(String id) {
        return id == null ? null : id.toLowerCase(java.util.Locale.ROOT);
    }

    static Response notFound(String searchId) {
        return ErrorMappers.json(Response.Status.NOT_FOUND, "Busca não encontrada ou expirada: "
                + sanitize(searchId) + ". Faça uma nova busca.");
    }

    /** The id as echoed back: at most 36 id characters, never markup. */
    private static String sanitize(String s) {
        String clean = s == null ? "" : s.replaceAll("[^A-Za-z0-9-]", "");
        return clean.length() <= 36 ? clean : clean.substring(0, 36);
    }

    /** Links are paths under this application's base, wherever it is deployed. */
    static SearchView view(SearchState s, boolean withResult, UriInfo uri, ProgressBus bus) {
        String base = uri.getBaseUri().getPath() + "buscar/" + s.searchId();
        return new SearchView(s.searchId(), s.status().wire(), base + "/events", base, s.createdAt().toString(),
                bus.last(s.searchId()).orElse(null), s.error(), s.request(), withResult ? s.result() : null);
    }
}
