package br.com.bidiq.search.boundary;

import br.com.bidiq.progress.boundary.SseStreams;
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

/** The reference system's progress path, {@code /api/buscar-progress/{id}}, for clients written against it. */
@Path("buscar-progress/{searchId}")
@ApplicationScoped
public class ReferenceProgressResource {

    @Inject
    SearchEventsResource events;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("searchId") String searchId, @HeaderParam("Last-Event-ID") String lastEventId,
                       @QueryParam("lastEventId") String lastEventIdQuery, @Context SseEventSink sink,
                       @Context Sse sse, @Context HttpServletRequest http) {
        events.events(searchId, lastEventId, lastEventIdQuery, sink, sse, http);
    }
}
