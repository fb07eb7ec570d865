package br.com.bidiq.search.control;

/** The user cancelled the search (DELETE /api/buscar/{id}): it stops where it is and keeps nothing. */
public class SearchCancelledException extends RuntimeException {

    public SearchCancelledException() {
        super("Busca cancelada.", null, false, false);
    }
}
