package br.com.bidiq.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Gives every request an id (the caller's X-Request-ID when sane), echoes it, and logs the request's two ends. */
@Provider
@PreMatching
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-ID";
    private static final Logger LOG = RequestIds.logger(RequestIdFilter.class);
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String STARTED = "bidiq.started";

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        request.setProperty(HEADER, id);
        request.setProperty(STARTED, System.nanoTime());
        RequestIds.set(id);
        LOG.fine(() -> "→ " + request.getMethod() + " "
                + request.getUriInfo().getRequestUri().getPath());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
            Object started = request.getProperty(STARTED);
            long ms = started instanceof Long t ? (System.nanoTime() - t) / 1_000_000 : -1;
            RequestIds.set(id.toString());
            LOG.info(() -> "← " + request.getMethod() + " "
                    + request.getUriInfo().getRequestUri().getPath() + " " + response.getStatus() + " (" + ms + "ms)");
        }
        RequestIds.set(null);
    }
}
