package br.com.bidiq.platform;

/** What the client asked for does not exist (or has expired): 404 with this Portuguese message. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
