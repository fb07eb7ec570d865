package br.com.bidiq.search.control;

import br.com.bidiq.pncp.entity.FailedUnit;
import java.util.List;

/**
 * Every PNCP query of a live search failed and nothing was read: the answer is "PNCP could not be consulted", never
 * "no tenders".
 */
public class PncpUnreachableException extends RuntimeException {

    private final transient List<FailedUnit> failedUnits;

    public PncpUnreachableException(List<FailedUnit> failedUnits) {
        super(message(failedUnits), null, false, false);
        this.failedUnits = List.copyOf(failedUnits);
    }

    public List<FailedUnit> failedUnits() {
        return failedUnits;
    }

    private static String message(List<FailedUnit> failed) {
        String count = failed.size() == 1 ? "a consulta falhou" : "as " + failed.size() + " consultas falharam";
        String reason = failed.isEmpty() ? "" : " (" + failed.get(0).motivo() + ")";
        return "Não foi possível consultar o PNCP: " + count + reason + ". Nenhuma licitação foi lida, então o"
                + " resultado não seria confiável. Tente novamente em alguns minutos.";
    }
}
