package br.com.bidiq.index.entity;

import br.com.bidiq.pncp.entity.PncpRecord;

/** A notice as the index keeps it: the parsed record and PNCP's own JSON, verbatim. */
public record IndexedNotice(PncpRecord record, String rawJson) {

    public String id() {
        return record.numeroControlePncp();
    }
}
