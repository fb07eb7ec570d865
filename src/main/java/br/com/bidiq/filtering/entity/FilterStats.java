package br.com.bidiq.filtering.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/** How many records each filter stage rejected; every rejection has a reason and is counted once. */
public record FilterStats(
        @JsonbProperty("total_avaliadas") int totalAvaliadas,
        @JsonbProperty("aprovadas") int aprovadas,
        @JsonbProperty("rejeitadas_uf") int rejeitadasUf,
        @JsonbProperty("rejeitadas_status") int rejeitadasStatus,
        @JsonbProperty("rejeitadas_esfera") int rejeitadasEsfera,
        @JsonbProperty("rejeitadas_modalidade") int rejeitadasModalidade,
        @JsonbProperty("rejeitadas_municipio") int rejeitadasMunicipio,
        @JsonbProperty("rejeitadas_orgao") int rejeitadasOrgao,
        @JsonbProperty("rejeitadas_valor") int rejeitadasValor,
        @JsonbProperty("rejeitadas_exclusao") int rejeitadasExclusao,
        @JsonbProperty("rejeitadas_keyword") int rejeitadasKeyword,
        @JsonbProperty("rejeitadas_contexto") int rejeitadasContexto,
        @JsonbProperty("rejeitadas_red_flags") int rejeitadasRedFlags,
        @JsonbProperty("rejeitadas_min_match") int rejeitadasMinMatch,
        @JsonbProperty("rejeitadas_prazo") int rejeitadasPrazo,
        @JsonbProperty("rejeitadas_outros") int rejeitadasOutros) {}
