package br.com.bidiq.index.entity;

import br.com.bidiq.pncp.entity.FetchUnit;
import br.com.bidiq.pncp.entity.PncpEndpoint;
import java.time.LocalDate;

/**
 * One UF x modality x date window of one PNCP endpoint, as the coverage table keeps it: its checkpoint
 * ({@code nextPage}) and outcome. {@code done} units are the index's coverage.
 */
public record IndexUnit(long id, PncpEndpoint endpoint, String uf, int modalidade, LocalDate dataInicial,
                        LocalDate dataFinal, Status status, int nextPage, int records, String lastError) {

    public enum Status {
        PENDING, DONE, FAILED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

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
