package br.com.bidiq.search.control;

/** A live search would need more PNCP requests than one search may send: refused before it starts (422). */
public class PlanTooLargeException extends RuntimeException {

    private final long requests;
    private final long budget;

    PlanTooLargeException(long requests, long budget, String message) {
        super(message, null, false, false);
        this.requests = requests;
        this.budget = budget;
    }

    public long requests() {
        return requests;
    }

    public long budget() {
        return budget;
    }
}
