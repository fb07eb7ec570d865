package br.com.bidiq.search.boundary;

import br.com.bidiq.platform.ClientAddress;
import br.com.bidiq.progress.boundary.SseStreams;
import br.com.bidiq.search.control.Searches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * A search's progress as Server-Sent Events: the whole log first (or what follows Last-Event-ID), then live events,
 * closed after the terminal one.
 */
@Path("buscar/{searchId}/events")
@ApplicationScoped
public class SearchEventsResource {

    @Inject
    Searches searches;

    @Inject
    SseStreams streams;

    @Inject
    ClientAddress clients;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(
            @PathParam("searchId") String searchId,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("lastEventId") String lastEventIdQuery,
            @Context SseEventSink sink,
            @Context Sse sse,
            @Context HttpServletRequest http) {
        String id = searches.require(searchId);
        streams.open(
                sse,
                sink,
                id,
                SseStreams.position(lastEventId != null ? lastEventId : lastEventIdQuery),
                clients.of(http));
    }
}
