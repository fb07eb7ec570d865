package br.com.bidiq.search.boundary;

import br.com.bidiq.platform.ErrorMappers;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.search.control.SearchCancellations;
import br.com.bidiq.search.control.SearchRegistry;
import br.com.bidiq.search.control.SearchWorker;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchState;
import br.com.bidiq.search.entity.SearchView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
    SearchWorker worker;

    @Inject
    ProgressBus bus;

    @Inject
    SearchCancellations cancellations;

    @POST
    @Operation(summary = "Inicia uma busca; repetir o mesmo search_id devolve a mesma busca")
    public Response start(@NotNull(message = "Envie o corpo da busca em JSON") @Valid SearchRequest request,
                          @Context UriInfo uri) {
        String id = request.searchId() == null ? UUID.randomUUID().toString()
                : request.searchId().toLowerCase(java.util.Locale.ROOT);
        SearchRegistry.Claim claim = registry.claim(id, request.withSearchId(id), RequestIds.current());
        if (claim.created()) {
            cancellations.register(id);
            bus.open(id, claim.state().request().ufList().size());
            worker.run(id, claim.state().request(), RequestIds.current());
        }
        return Response.accepted(view(claim.state(), false, uri, bus))
                .location(uri.getBaseUriBuilder().path("buscar").path(id).build()).build();
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
