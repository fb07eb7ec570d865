package br.com.bidiq.index.boundary;

import br.com.bidiq.index.control.IndexStatistics;
import br.com.bidiq.index.control.Ingestion;
import br.com.bidiq.index.entity.IndexOverview;
import br.com.bidiq.index.entity.IngestionRun;
import br.com.bidiq.platform.AdminToken;
import br.com.bidiq.platform.ClientAddress;
import br.com.bidiq.platform.ConflictException;
import br.com.bidiq.platform.ErrorMappers;
import br.com.bidiq.platform.NotFoundException;
import br.com.bidiq.progress.boundary.SseStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The local PNCP index: its state, an on-demand run (operators only) and the live progress of the latest run. */
@Path("indice")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class IndexResource {

    private static final String DATABASE_DOWN = "Banco do índice indisponível; tente novamente em alguns instantes.";

    @Inject
    ClientAddress clients;

    @Inject
    IndexStatistics statistics;

    @Inject
    Ingestion ingestion;

    @Inject
    AdminToken adminToken;

    @Inject
    SseStreams streams;

    @GET
    @Operation(summary = "Estado do índice local do PNCP: registros, cobertura, marca d'água, última execução")
    public IndexOverview overview() {
        return statistics.overview();
    }

    @POST
    @Path("atualizar")
    @Operation(summary = "Inicia agora uma atualização do índice (Authorization: Bearer $ADMIN_TOKEN)")
    public Response update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        adminToken.check(authorization);
        Optional<IngestionRun> run;
        try {
            run = ingestion.start("manual");
        } catch (SQLException e) {
            return ErrorMappers.json(Response.Status.SERVICE_UNAVAILABLE, DATABASE_DOWN);
        }
        if (run.isEmpty()) {
            throw new ConflictException("Uma atualização do índice já está em andamento.");
        }
        String events = uri.getBaseUri().getPath() + "indice/events";
        return Response.accepted(Map.of("execucao", run.get().id(), "status", "em_andamento", "events_url", events))
                .header("Location", events)
                .build();
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Progresso da execução mais recente do índice (SSE, como o de uma busca)")
    public void events(
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("lastEventId") String lastEventIdQuery,
            @Context SseEventSink sink,
            @Context Sse sse,
            @Context HttpServletRequest http) {
        Optional<String> stream;
        try {
            stream = statistics.latestStream();
        } catch (SQLException e) {
            throw new WebApplicationException(ErrorMappers.json(Response.Status.SERVICE_UNAVAILABLE, DATABASE_DOWN));
        }
        if (stream.isEmpty() || !streams.known(stream.get())) {
            throw new NotFoundException("Nenhuma atualização do índice recente para acompanhar.");
        }
        streams.open(
                sse,
                sink,
                stream.get(),
                SseStreams.position(lastEventId != null ? lastEventId : lastEventIdQuery),
                clients.of(http));
    }
}
