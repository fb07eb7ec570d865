package br.com.bidiq.search.entity;

import java.time.Instant;
import java.util.Arrays;

/**
 * What a node knows of one search: its request, whether it runs, and its outcome once it ends. Its progress is
 * not kept here: the progress bus's log has it.
 */
public record SearchState(
        String searchId,
        SearchRequest request,
        String requestId,
        Status status,
        Instant createdAt,
        Instant endedAt,
        SearchResult result,
        String error) {

    public enum Status {
        RUNNING("running"),
        COMPLETE("complete"),
        ERROR("error"),
        CANCELLED("cancelled");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Status fromWire(String value) {
            return Arrays.stream(values())
                    .filter(s -> s.wire.equals(value))
                    .findFirst()
                    .orElse(RUNNING);
        }
    }

    public static SearchState started(String id, SearchRequest request, String requestId, Instant now) {
        return new SearchState(id, request, requestId, Status.RUNNING, now, null, null, null);
    }

    public SearchState completed(SearchResult r, Instant now) {
        return new SearchState(searchId, request, requestId, Status.COMPLETE, createdAt, now, r, null);
    }

    public SearchState cancelled(String message, Instant now) {
        return new SearchState(searchId, request, requestId, Status.CANCELLED, createdAt, now, null, message);
    }

    public SearchState failed(String message, Instant now) {
        return new SearchState(searchId, request, requestId, Status.ERROR, createdAt, now, null, message);
    }
}
