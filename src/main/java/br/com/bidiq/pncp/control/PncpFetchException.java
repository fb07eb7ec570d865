package br.com.bidiq.pncp.control;

/** A PNCP page that could not be had, after every attempt it deserved. The message is for the user (Portuguese). */
public class PncpFetchException extends RuntimeException {

    private final int attempts;

    public PncpFetchException(String message, int attempts) {
        super(message, null, false, false);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
