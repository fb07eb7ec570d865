package br.com.bidiq.pncp.entity;

import java.util.List;

/**
 * One page of /v1/contratacoes/publicacao. A 204 answer is an empty page. {@code raw} runs parallel to
 * {@code records}: PNCP's own JSON of each record, or null for a record too incomplete to be indexed.
 */
public record PncpPage(
        List<PncpRecord> records,
        List<String> raw,
        long totalRegistros,
        int totalPaginas,
        int numeroPagina,
        int paginasRestantes,
        int outOfRangeValues) {

    /** {@code outOfRangeValues}: money fields outside [0, 10^13] that were read as "não informado". */
    public PncpPage(
            List<PncpRecord> records,
            List<String> raw,
            long totalRegistros,
            int totalPaginas,
            int numeroPagina,
            int paginasRestantes) {
        this(records, raw, totalRegistros, totalPaginas, numeroPagina, paginasRestantes, 0);
    }

    /** The query's last page: PNCP's numbers disagree at times, so the larger of the two readings. */
    public int lastPage() {
        return Math.max(numeroPagina + paginasRestantes, totalPaginas);
    }

    public static PncpPage empty(int pagina) {
        return new PncpPage(List.of(), List.of(), 0, 0, pagina, 0);
    }
}
