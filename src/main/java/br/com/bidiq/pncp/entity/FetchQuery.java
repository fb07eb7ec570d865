package br.com.bidiq.pncp.entity;

import java.time.LocalDate;
import java.util.List;

/** What to fetch from PNCP: every UF x modality x date window of this range. */
public record FetchQuery(List<String> ufs, List<Integer> modalidades, LocalDate dataInicial, LocalDate dataFinal) {

    public FetchQuery {
        ufs = List.copyOf(ufs);
        modalidades = List.copyOf(modalidades);
    }
}
