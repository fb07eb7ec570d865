package br.com.bidiq.pncp.entity;

import java.time.LocalDate;

/** The smallest independent piece of a search: one UF, one modality, one date window of at most 30 days. */
public record FetchUnit(String uf, int modalidade, LocalDate dataInicial, LocalDate dataFinal) {

    @Override
    public String toString() {
        return uf + "/mod" + modalidade + "/" + dataInicial + ".." + dataFinal;
    }
}
