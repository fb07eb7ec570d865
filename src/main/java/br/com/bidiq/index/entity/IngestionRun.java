package br.com.bidiq.index.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import java.time.OffsetDateTime;

/** One ingestion run as {@code index_runs} records it; a run taken over by another node keeps its id. */
@JsonbPropertyOrder({
    "id",
    "origin",
    "node",
    "startedAt",
    "endedAt",
    "outcome",
    "unitsTotal",
    "unitsDone",
    "unitsFailed",
    "records",
    "badRecords",
    "message"
})
public record IngestionRun(
        @JsonbProperty("id") long id,
        @JsonbProperty("origem") String origin,
        @JsonbProperty("no") String node,
        @JsonbProperty("inicio") OffsetDateTime startedAt,
        @JsonbProperty("fim") OffsetDateTime endedAt,
        @JsonbProperty("resultado") String outcome,
        @JsonbProperty("unidades_total") int unitsTotal,
        @JsonbProperty("unidades_concluidas") int unitsDone,
        @JsonbProperty("unidades_com_falha") int unitsFailed,
        @JsonbProperty("registros") long records,
        @JsonbProperty("registros_invalidos") long badRecords,
        @JsonbProperty("mensagem") String message,
        @JsonbTransient String streamId) {

    @JsonbTransient
    public boolean running() {
        return endedAt == null;
    }
}
