package br.com.bidiq.index.entity;

import br.com.bidiq.pncp.entity.FetchUnit;
import br.com.bidiq.pncp.entity.PncpEndpoint;
import java.time.LocalDate;

/**
 * One UF x modality x date window of one PNCP endpoint still to fetch, from its checkpoint ({@code nextPage}).
 * {@link Status#DONE} units are the index's coverage.
 */
public record IndexUnit(
        long id,
        PncpEndpoint endpoint,
        String uf,
        int modalidade,
        LocalDate dataInicial,
        LocalDate dataFinal,
        int nextPage) {

    public enum Status {
        PENDING,
        DONE,
        FAILED;

        public static Status fromWire(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public FetchUnit fetchUnit() {
        return new FetchUnit(uf, modalidade, dataInicial, dataFinal);
    }

    @Override
    public String toString() {
        return endpoint.wire() + " " + fetchUnit();
    }
}
