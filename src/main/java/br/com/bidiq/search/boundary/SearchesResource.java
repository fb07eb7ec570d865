package br.com.bidiq.search.boundary;

import br.com.bidiq.platform.ClientAddress;
import br.com.bidiq.platform.ErrorMappers;
import br.com.bidiq.search.control.SearchValidation;
import br.com.bidiq.search.control.Searches;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Starts searches (202 + Location) and answers their status and result. */
@Path("buscar")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SearchesResource {

    @Inject
    Searches searches;

    @Inject
    SearchValidation validation;

    @Inject
    ClientAddress clients;

    @POST
    @Operation(
            summary =
                    "Inicia uma busca; repetir o mesmo search_id com os mesmos critérios devolve a mesma"
                            + " busca (critérios diferentes: 409). Limites por cliente: 429; servidor cheio: 503 (com Retry-After)")
    public Response start(SearchRequest request, @Context UriInfo uri, @Context HttpServletRequest http) {
        if (request == null) {
            // The reader answers an empty body itself; this guards a server that hands over null anyway.
            throw new WebApplicationException(
                    ErrorMappers.json(Response.Status.BAD_REQUEST, "Envie o corpo da busca em JSON."));
        }
        validation.check(request);
        SearchState s = searches.start(request, clients.of(http)).state();
        return Response.accepted(searches.view(s, base(uri), false))
                .location(uri.getBaseUriBuilder()
                        .path("buscar")
                        .path(s.searchId())
                        .build())
                .build();
    }

    @GET
    @Path("{searchId}")
    @Operation(summary = "Status da busca; o resultado completo quando concluída")
    public Response get(@PathParam("searchId") String searchId, @Context UriInfo uri) {
        return Response.ok(searches.view(searches.find(searchId), base(uri), true))
                .build();
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
        SearchState s = searches.cancel(searchId);
        Response.Status status =
                s.status() == SearchState.Status.RUNNING ? Response.Status.ACCEPTED : Response.Status.OK;
        return Response.status(status)
                .entity(searches.view(s, base(uri), false))
                .build();
    }

    /** Links are paths under this application's base, wherever it is deployed. */
    private static String base(UriInfo uri) {
        return uri.getBaseUri().getPath();
    }
}
