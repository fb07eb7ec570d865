package br.com.bidiq.search.control;

import br.com.bidiq.index.control.IndexSearch;
import br.com.bidiq.index.entity.IndexCoverage;
import br.com.bidiq.index.entity.UncoveredRange;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.search.entity.Fonte;
import br.com.bidiq.search.entity.SearchQuery;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Decides where a search's notices come from. {@code pncp}: live. {@code indice} and "abertas agora": the index,
 * whatever it covers (a down database ends the search with an error). {@code auto}: the index when it covers every
 * UF x modality x day asked for, fresh and with no failed unit; live otherwise, and live when the database is down.
 *
 * @param fonte          {@link Fonte#INDICE} or {@link Fonte#PNCP}
 * @param coverage       what the index covers (null when it was not asked or is down)
 * @param reason         why {@code auto} went live (null otherwise)
 * @param indexReachable whether the index answered (live records are kept in it only then)
 */
record SourceChoice(Fonte fonte, IndexCoverage coverage, String reason, boolean indexReachable) {

    private static final Logger LOG = RequestIds.logger(SourceChoice.class);
    private static final int REASON_RANGES = 3;

    static SourceChoice of(SearchQuery r, IndexSearch index) {
        Fonte asked = r.source();
        if (asked == Fonte.PNCP) {
            return new SourceChoice(Fonte.PNCP, null, null, true);
        }
        boolean indexOnly = asked == Fonte.INDICE || r.openOnly();
        IndexCoverage coverage;
        try {
            coverage = index.coverage(r.ufs(), r.modalities(), r.from(), r.to());
        } catch (SQLException e) {
            if (indexOnly) {
                throw new IndexUnavailableException(
                        r.openOnly()
                                ? "'Abertas agora' é respondida pelo índice local, que está indisponível no momento. Tente"
                                        + " novamente em alguns instantes."
                                : "O índice local está indisponível no momento. Tente novamente em alguns instantes ou"
                                        + " busque direto no PNCP (fonte pncp).",
                        e);
            }
            LOG.info("Index unavailable, searching PNCP live: " + e.getMessage());
            return new SourceChoice(Fonte.PNCP, null, "índice local indisponível", false);
        }
        if (indexOnly || coverage.complete()) {
            return new SourceChoice(Fonte.INDICE, coverage, null, true);
        }
        String reason = describe(coverage.missing());
        LOG.info(() ->
                "Index does not cover the search (" + coverage.missing().size() + " ranges), searching PNCP" + " live");
        return new SourceChoice(Fonte.PNCP, coverage, reason, true);
    }

    /** "o índice não cobre SP/6 2026-01-01 a 2026-01-31 (período ainda não indexado); … e mais 4". */
    static String describe(List<UncoveredRange> missing) {
        String first = missing.stream()
                .limit(REASON_RANGES)
                .map(m -> m.uf() + "/" + m.modalidade()
                        + (m.dataInicial() == null ? "" : " " + m.dataInicial() + " a " + m.dataFinal()) + " ("
                        + m.motivo()
                        + ")")
                .collect(Collectors.joining("; "));
        int more = missing.size() - REASON_RANGES;
        return "o índice não cobre " + first + (more > 0 ? "; e mais " + more : "");
    }
}
