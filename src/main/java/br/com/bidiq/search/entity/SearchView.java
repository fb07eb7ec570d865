package br.com.bidiq.search.entity;

import br.com.bidiq.progress.entity.ProgressEvent;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * GET /api/buscar/{id} and the 202 of POST: the search's status and links, its last progress while it runs, the
 * full result when complete, the message when it failed, and the request it answers (so a shared link or a reloaded
 * page can say what was searched).
 */
@JsonbPropertyOrder({
    "searchId",
    "status",
    "eventsUrl",
    "resultUrl",
    "criadoEm",
    "progresso",
    "erro",
    "pedido",
    "resultado"
})
public record SearchView(
        @JsonbProperty("search_id") String searchId,
        @JsonbProperty("status") String status,
        @JsonbProperty("events_url") String eventsUrl,
        @JsonbProperty("result_url") String resultUrl,
        @JsonbProperty("criado_em") String criadoEm,
        @JsonbProperty("progresso") ProgressEvent progresso,
        @JsonbProperty("erro") String erro,
        @JsonbProperty("pedido") SearchRequest pedido,
        @JsonbProperty("resultado") SearchResult resultado) {}
