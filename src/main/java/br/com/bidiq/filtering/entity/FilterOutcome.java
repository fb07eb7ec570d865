package br.com.bidiq.filtering.entity;

import br.com.bidiq.pncp.entity.PncpRecord;
import java.util.List;

/** The records that passed, each with its match, and the statistics of the run. */
public record FilterOutcome(
        List<Accepted> accepted, FilterStats stats, ParsedTerms terms, int hiddenByMinMatch, boolean relaxed) {

    public record Accepted(PncpRecord record, StatusLicitacao status, List<String> matchedTerms, double relevance) {}
}
