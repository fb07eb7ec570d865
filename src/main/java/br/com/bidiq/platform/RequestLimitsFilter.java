package br.com.bidiq.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Refuses, before the JAX-RS runtime sees them, API requests it would only log noisily: a path whose percent-encoding
 * is not UTF-8 (RESTEasy logs a WARNING with a stack trace for each) and a declared body over 16 KB (no API body is
 * larger; the search body is also counted as it arrives). One INFO line per refusal.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestLimitsFilter extends HttpFilter {

    private static final Logger LOG = RequestIds.logger(RequestLimitsFilter.class);
    /** No API body is larger than a search, whose reader counts the same limit as the bytes arrive. */
    public static final long MAX_BODY_BYTES = 16 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!utf8(request.getRequestURI())) {
            refuse(request, response, 400, "Endereço inválido: a URL não está codificada em UTF-8.");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            refuse(request, response, 413, "Corpo da requisição grande demais: no máximo 16 KB.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        LOG.info(() -> "refused " + request.getMethod() + " (" + status + "): " + message);
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"erro\":\"" + message + "\"}");
    }

    /** Whether the raw path's %XX escapes decode as UTF-8 (a malformed escape counts as not). */
    static boolean utf8(String rawPath) {
        if (rawPath == null || rawPath.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return false;
                }
                int hi = Character.digit(rawPath.charAt(i + 1), 16);
                int lo = Character.digit(rawPath.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                return true; // already decoded by the container: nothing left to check
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
