package br.com.bidiq.search.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/**
 * The reference system's progress path, {@code /api/buscar-progress/{id}}, for clients written against it: the same
 * stream as {@code /api/buscar/{id}/events}, whose resource method (and its JAX-RS annotations) it inherits.
 */
@Path("buscar-progress/{searchId}")
@ApplicationScoped
public class ReferenceProgressResource extends SearchEventsResource {}
