package br.com.bidiq.index.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A UF x modality x period the index cannot answer for, and why (Portuguese, for the user). Dates may be null. */
@JsonbPropertyOrder({"uf", "modalidade", "dataInicial", "dataFinal", "motivo"})
public record UncoveredRange(
        @JsonbProperty("uf") String uf,
        @JsonbProperty("modalidade") int modalidade,
        @JsonbProperty("data_inicial") String dataInicial,
        @JsonbProperty("data_final") String dataFinal,
        @JsonbProperty("motivo") String motivo) {}
