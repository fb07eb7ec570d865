package br.com.bidiq.index.entity;

import java.util.List;

/**
 * One PNCP page read for the index: the good notices, why each bad record was skipped, and the query's last page
 * (0 when PNCP had nothing).
 */
public record IndexPage(List<IndexedNotice> notices, List<String> badRecords, int lastPage) {

    public IndexPage {
        notices = List.copyOf(notices);
        badRecords = List.copyOf(badRecords);
    }

    public static IndexPage empty() {
        return new IndexPage(List.of(), List.of(), 0);
    }
}
