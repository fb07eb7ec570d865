package br.com.bidiq.search.control;

import br.com.bidiq.progress.entity.ProgressEvent;
import java.util.Map;
import java.util.function.Consumer;

/** Where a running search reports its stages (ids are given by the bus). */
final class Progress {

    private final Consumer<ProgressEvent> sink;

    Progress(Consumer<ProgressEvent> sink) {
        this.sink = sink;
    }

    void emit(String stage, int percent, String message, Map<String, Object> detail) {
        sink.accept(new ProgressEvent(0, stage, percent, message, detail));
    }
}
