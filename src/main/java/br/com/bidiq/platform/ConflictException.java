package br.com.bidiq.platform;

/** The request contradicts what already exists or is under way: 409 with this Portuguese message. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
