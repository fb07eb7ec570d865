package br.com.bidiq.index.entity;

import java.util.List;

/** One PNCP page read for the index: the good notices, and why each bad record was skipped. */
public record IndexPage(List<IndexedNotice> notices, List<String> badRecords, int numeroPagina, int lastPage) {

    public IndexPage {
        notices = List.copyOf(notices);
        badRecords = List.copyOf(badRecords);
    }

    public static IndexPage empty(int pagina) {
        return new IndexPage(List.of(), List.of(), pagina, 0);
    }
}
