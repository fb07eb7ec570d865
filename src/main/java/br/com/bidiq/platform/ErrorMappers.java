package br.com.bidiq.platform;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns failures into JSON with a Portuguese message: 422 for invalid fields, 400 for unreadable bodies. */
public final class ErrorMappers {

    private static final Logger LOG = RequestIds.logger(ErrorMappers.class);

    private ErrorMappers() {}

    /** A JSON error answer with a Portuguese message. */
    public static Response json(Response.Status status, String message) {
        return json(status, ErrorBody.of(message));
    }

    static Response json(Response.Status status, ErrorBody body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body)
                .build();
    }

    /**
     * The field as the client wrote it: the {@code @JsonbProperty} name of the violated component when the bean has
     * one (Java names are English, wire names Portuguese), else the property name in snake case.
     */
    public static String jsonName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        if (name == null || name.startsWith("arg")) {
            return "corpo";
        }
        Object leaf = violation.getLeafBean();
        if (leaf != null) {
            try {
                JsonbProperty wire = leaf.getClass().getDeclaredField(name).getAnnotation(JsonbProperty.class);
                if (wire != null && !wire.value().isEmpty()) {
                    return wire.value();
                }
            } catch (NoSuchFieldException e) {
                // a node added by a cross-field rule already carries the wire name
            }
        }
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** 422 with the messages per field; logged at FINE only (the response line of {@link RequestIdFilter} is INFO). */
    static Response invalid(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, List<String>> fields = new TreeMap<>();
        for (ConstraintViolation<?> v : violations) {
            fields.computeIfAbsent(jsonName(v), k -> new java.util.ArrayList<>())
                    .add(v.getMessage());
        }
        fields.values().forEach(list -> list.sort(null));
        LOG.fine(() -> "invalid request: " + fields);
        return Response.status(422)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorBody("Requisição inválida: corrija os campos indicados.", fields, null))
                .build();
    }

    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return invalid(e.getConstraintViolations());
        }
    }

    @Provider
    public static class Invalid implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return invalid(e.violations());
        }
    }

    /** One INFO line per refusal (the response line of {@link RequestIdFilter}); the limit is in the body. */
    @Provider
    public static class Limits implements ExceptionMapper<LimitExceededException> {
        @Override
        public Response toResponse(LimitExceededException e) {
            return Response.status(e.status())
                    .header("Retry-After", e.retryAfterSeconds())
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(new ErrorBody(
                            e.getMessage(), null, Map.of("tentar_novamente_em_segundos", e.retryAfterSeconds())))
                    .build();
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return json(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return json(Response.Status.CONFLICT, e.getMessage());
        }
    }

    static final String UNREADABLE = "JSON inválido ou com tipos errados: verifique o corpo da requisição.";

    /** JSON-B failures surface as JsonbException or wrapped in ProcessingException, depending on the server. */
    @Provider
    public static class Unreadable implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return json(Response.Status.BAD_REQUEST, ErrorBody.of(UNREADABLE));
        }
    }

    /** A body the JSON parser or binder refused is the client's fault; any other processing failure is ours. */
    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof JsonbException || t instanceof jakarta.json.JsonException) {
                    return json(Response.Status.BAD_REQUEST, ErrorBody.of(UNREADABLE));
                }
            }
            LOG.log(Level.SEVERE, "request processing failed", e);
            return json(
                    Response.Status.INTERNAL_SERVER_ERROR,
                    ErrorBody.of("Erro interno do servidor. Tente novamente em alguns instantes."));
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response r = e.getResponse();
            if (r.hasEntity() || r.getStatus() < 400) {
                return r;
            }
            int status = r.getStatus();
            String message =
                    switch (status) {
                        case 400 -> "Requisição inválida: JSON malformado ou parâmetros errados.";
                        case 404 -> "Recurso não encontrado.";
                        case 405 -> "Método não permitido para este endereço.";
                        case 406 -> "Formato de resposta não suportado.";
                        case 415 -> "Envie o corpo como application/json.";
                        default ->
                            status >= 500
                                    ? "Erro interno do servidor. Tente novamente em alguns instantes."
                                    : "Requisição não atendida (HTTP " + status + ").";
                    };
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(ErrorBody.of(message))
                    .build();
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected failure", e);
            return json(
                    Response.Status.INTERNAL_SERVER_ERROR,
                    ErrorBody.of("Erro interno do servidor. Tente novamente em alguns instantes."));
        }
    }
}
