package br.com.bidiq.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards operator endpoints with {@code Authorization: Bearer $ADMIN_TOKEN}. Unset token: the endpoints are off
 * (403); a missing or wrong token: 401 with {@code WWW-Authenticate}. Compared in constant time, never logged.
 */
@ApplicationScoped
public class AdminToken {

    @Inject
    @ConfigProperty(name = "admin.token")
    Optional<String> token;

    public void check(String authorization) {
        String expected = token.map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
        if (expected == null) {
            throw new WebApplicationException(ErrorMappers.json(
                    Response.Status.FORBIDDEN,
                    "Operação desativada: defina ADMIN_TOKEN no servidor para habilitá-la."));
        }
        String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            Response r = ErrorMappers.json(
                    Response.Status.UNAUTHORIZED,
                    "Token de administrador ausente ou inválido (Authorization: Bearer …).");
            throw new WebApplicationException(Response.fromResponse(r)
                    .header("WWW-Authenticate", "Bearer realm=\"bidiq-admin\"")
                    .build());
        }
    }
}
