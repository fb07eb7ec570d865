package br.com.bidiq.search.boundary;

import br.com.bidiq.platform.ErrorBody;
import br.com.bidiq.search.control.PlanTooLargeException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/** 422: the search is valid but too large to run live; the message says what to reduce. */
@Provider
public class PlanTooLargeMapper implements ExceptionMapper<PlanTooLargeException> {

    @Override
    public Response toResponse(PlanTooLargeException e) {
        return Response.status(422)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorBody(
                        e.getMessage(),
                        Map.of("ufs", List.of(e.getMessage())),
                        Map.of("consultas_previstas", e.requests(), "limite_consultas", e.budget())))
                .build();
    }
}
