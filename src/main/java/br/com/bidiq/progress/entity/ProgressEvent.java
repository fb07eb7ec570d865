package br.com.bidiq.progress.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.Map;

/**
 * One step of a search's progress. {@code id} is the event's position in that search's log (1, 2, ...), sent as
 * the SSE id; the JSON data is {@code {"stage","progress","message","detail"}}.
 */
@JsonbPropertyOrder({"stage", "progress", "message", "detail"})
public record ProgressEvent(
        @JsonbTransient long id,
        @JsonbProperty("stage") String stage,
        @JsonbProperty("progress") int progress,
        @JsonbProperty("message") String message,
        @JsonbProperty("detail") Map<String, Object> detail) {

    public static final String COMPLETE = "complete";
    public static final String ERROR = "error";
    /** The user cancelled the search: terminal, like complete and error. */
    public static final String CANCELLED = "cancelled";

    public ProgressEvent {
        progress = ERROR.equals(stage) ? -1 : Math.max(0, Math.min(100, progress));
        detail = detail == null ? Map.of() : detail;
    }

    @JsonbTransient
    public boolean terminal() {
        return COMPLETE.equals(stage) || ERROR.equals(stage) || CANCELLED.equals(stage);
    }

    public ProgressEvent withId(long newId) {
        return new ProgressEvent(newId, stage, progress, message, detail);
    }
}
