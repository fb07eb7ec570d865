package br.com.bidiq.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's error page (web.xml's default {@code <error-page>}): a neutral message in Portuguese, JSON under
 * {@code /api/} and a short page elsewhere. The server's own pages name Java exceptions and file paths; this one says
 * only what went wrong for the user.
 */
@WebServlet(urlPatterns = ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    static final String PATH = "/erro";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c && c >= 400 ? c : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = message(status);
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"erro\":\"" + message + "\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter()
                    .write("<!doctype html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><title>BidIQ"
                            + "</title></head><body><h1>" + message + "</h1><p><a href=\"" + request.getContextPath()
                            + "/\">Voltar à busca</a></p></body></html>");
        }
    }

    /** Fixed texts only: nothing of the request is echoed. */
    static String message(int status) {
        return switch (status) {
            case 400 -> "Requisição inválida.";
            case 403, 404 -> "Página não encontrada.";
            case 405 -> "Método não permitido para este endereço.";
            case 413 -> "Requisição grande demais.";
            case 408 -> "A requisição demorou demais para chegar.";
            default ->
                status >= 500
                        ? "Erro interno do servidor. Tente novamente em alguns instantes."
                        : "Requisição não atendida.";
        };
    }
}
