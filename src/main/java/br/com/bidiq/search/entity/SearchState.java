package br.com.bidiq.search.entity;

import br.com.bidiq.progress.entity.ProgressEvent;
import java.time.Instant;

/** What a node knows of one search: its request, where it is, and its outcome once it ends. */
public record SearchState(String searchId, SearchRequest request, String requestId, Status status, Instant createdAt,
                          Instant endedAt, ProgressEvent lastProgress, SearchResult result, String error) {

    public enum Status {
        RUNNING("running"), COMPLETE("complete"), ERROR("error");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public static SearchState started(String id, SearchRequest request, String requestId, Instant now) {
        return new SearchState(id, request, requestId, Status.RUNNING, now, null, null, null, null);
    }

    public SearchState progressed(ProgressEvent e) {
        return new SearchState(searchId, request, requestId, status, createdAt, endedAt, e, result, error);
    }

    public SearchState completed(SearchResult r, Instant now) {
        return new SearchState(searchId, request, requestId, Status.COMPLETE, createdAt, now, lastProgress, r, null);
    }

    public SearchState failed(String message, Instant now) {
        return new SearchState(searchId, request, requestId, Status.ERROR, createdAt, now, lastProgress, null,
                message);
    }
}
