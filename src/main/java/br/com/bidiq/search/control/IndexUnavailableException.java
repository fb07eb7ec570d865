package br.com.bidiq.search.control;

/** A search that only the index can answer ({@code fonte=indice}, "abertas agora") while its database is down. */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
