package br.com.bidiq.pncp.entity;

import java.util.List;

/** One page of /v1/contratacoes/publicacao. A 204 answer is an empty page. */
public record PncpPage(List<PncpRecord> records, long totalRegistros, int totalPaginas, int numeroPagina,
                       int paginasRestantes) {

    /** The query's last page: PNCP's numbers disagree at times, so the larger of the two readings. */
    public int lastPage() {
        return Math.max(numeroPagina + paginasRestantes, totalPaginas);
    }

    public static PncpPage empty(int pagina) {
        return new PncpPage(List.of(), 0, 0, pagina, 0);
    }
}
