package br.com.bidiq.index.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What {@code GET /api/indice} answers: size, coverage, freshness and the last run of the local PNCP index. */
@JsonbPropertyOrder({
    "status",
    "database",
    "recordsTotal",
    "recordsPerUf",
    "coverage",
    "watermark",
    "freshAt",
    "lagMinutes",
    "lastRun",
    "failedUnits",
    "schedule"
})
public record IndexOverview(
        @JsonbProperty("status") String status,
        @JsonbProperty("banco") String database,
        @JsonbProperty("registros_total") long recordsTotal,
        @JsonbProperty("registros_por_uf") Map<String, Long> recordsPerUf,
        @JsonbProperty("cobertura") Coverage coverage,
        @JsonbProperty("marca_d_agua") LocalDate watermark,
        @JsonbProperty("atualizado_em") OffsetDateTime freshAt,
        @JsonbProperty("atraso_minutos") Long lagMinutes,
        @JsonbProperty("ultima_execucao") IngestionRun lastRun,
        @JsonbProperty("unidades_com_falha") List<FailedIndexUnit> failedUnits,
        @JsonbProperty("agendamento") Schedule schedule) {

    @JsonbPropertyOrder({"from", "to", "unitsDone", "unitsPending", "unitsFailed"})
    public record Coverage(
            @JsonbProperty("data_inicial") LocalDate from,
            @JsonbProperty("data_final") LocalDate to,
            @JsonbProperty("unidades_concluidas") long unitsDone,
            @JsonbProperty("unidades_pendentes") long unitsPending,
            @JsonbProperty("unidades_com_falha") long unitsFailed) {}

    @JsonbPropertyOrder({"endpoint", "uf", "modalidade", "from", "to", "page", "reason", "attempts"})
    public record FailedIndexUnit(
            @JsonbProperty("endpoint") String endpoint,
            @JsonbProperty("uf") String uf,
            @JsonbProperty("modalidade") int modalidade,
            @JsonbProperty("data_inicial") LocalDate from,
            @JsonbProperty("data_final") LocalDate to,
            @JsonbProperty("pagina") int page,
            @JsonbProperty("motivo") String reason,
            @JsonbProperty("tentativas") int attempts) {}

    @JsonbPropertyOrder({"enabled", "intervalMinutes", "historyDays", "ufs", "modalidades"})
    public record Schedule(
            @JsonbProperty("ativo") boolean enabled,
            @JsonbProperty("intervalo_minutos") double intervalMinutes,
            @JsonbProperty("dias_historico") int historyDays,
            @JsonbProperty("ufs") List<String> ufs,
            @JsonbProperty("modalidades") List<Integer> modalidades) {}

    public static IndexOverview down(String database, Schedule schedule) {
        return new IndexOverview("down", database, 0, Map.of(), null, null, null, null, null, List.of(), schedule);
    }
}
