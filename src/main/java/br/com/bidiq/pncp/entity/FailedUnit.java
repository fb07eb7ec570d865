package br.com.bidiq.pncp.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A PNCP query that could not be fetched completely, and why. The search still returns what it got. */
@JsonbPropertyOrder({"uf", "modalidade", "dataInicial", "dataFinal", "pagina", "motivo"})
public record FailedUnit(
        @JsonbProperty("uf") String uf,
        @JsonbProperty("modalidade") int modalidade,
        @JsonbProperty("data_inicial") String dataInicial,
        @JsonbProperty("data_final") String dataFinal,
        @JsonbProperty("pagina") int pagina,
        @JsonbProperty("motivo") String motivo) {

    public static FailedUnit of(FetchUnit unit, int pagina, String motivo) {
        return new FailedUnit(
                unit.uf(),
                unit.modalidade(),
                unit.dataInicial().toString(),
                unit.dataFinal().toString(),
                pagina,
                motivo);
    }
}
