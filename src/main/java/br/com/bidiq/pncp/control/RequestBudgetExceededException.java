package br.com.bidiq.pncp.control;

/** A search used up its PNCP request budget ({@code PNCP_MAX_REQUESTS_PER_SEARCH}): no further request leaves. */
public class RequestBudgetExceededException extends RuntimeException {

    static final String REASON = " requisições ao PNCP por busca atingido; esta unidade não foi buscada";

    public RequestBudgetExceededException(long budget) {
        super("limite de " + budget + REASON, null, false, false);
    }

    /** Whether a failed unit's reason is this one (those units are counted once, not logged one by one). */
    public static boolean is(String reason) {
        return reason != null && reason.endsWith(REASON);
    }
}
