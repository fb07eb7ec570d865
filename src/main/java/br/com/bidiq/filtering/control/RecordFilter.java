package br.com.bidiq.filtering.control;

import br.com.bidiq.filtering.entity.FilterCriteria;
import br.com.bidiq.filtering.entity.FilterOutcome;
import br.com.bidiq.filtering.entity.FilterOutcome.Accepted;
import br.com.bidiq.filtering.entity.FilterStats;
import br.com.bidiq.filtering.entity.KeywordMatch;
import br.com.bidiq.filtering.entity.ParsedTerms;
import br.com.bidiq.filtering.entity.Rejection;
import br.com.bidiq.filtering.entity.StatusLicitacao;
import br.com.bidiq.pncp.entity.PncpRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Applies every filter of a search, cheapest first, and counts each rejection under its reason. In custom-term mode
 * it applies the min-match floor and, when the floor alone emptied the result, runs again without it.
 */
public final class RecordFilter {

    private final SectorCatalog catalog;
    private final StatusInference statusInference;

    public RecordFilter(SectorCatalog catalog, StatusInference statusInference) {
        this.catalog = catalog;
        this.statusInference = statusInference;
    }

    public FilterOutcome apply(List<PncpRecord> records, FilterCriteria criteria) {
        Sieve sieve = sieve(criteria);
        records.forEach(sieve::offer);
        return sieve.outcome();
    }

    /**
     * A filter that takes records one at a time; every criterion (keywords, exclusions, órgãos) is compiled here, once
     * per search, never per record and keeps only what passes, so a source can stream any number of
     * candidates through it. Throws {@link InvalidTermsException} when custom terms leave nothing to search for.
     */
    public Sieve sieve(FilterCriteria criteria) {
        ParsedTerms terms = null;
        KeywordMatcher matcher;
        boolean customMode =
                criteria.termosBusca() != null && !criteria.termosBusca().isBlank();
        if (customMode) {
            terms = new TermParser(catalog).parse(criteria.termosBusca());
            if (terms.valid().isEmpty()) {
                throw new InvalidTermsException(terms);
            }
            matcher = matcherForTerms(terms.valid(), criteria);
        } else {
            matcher = matcherForSector(criteria);
        }
        int floor = customMode && !criteria.showAllMatches()
                ? TermParser.minMatches(terms.valid().size())
                : 1;
        return new Sieve(criteria, matcher, new OrgaoMatcher(criteria.orgaos()), terms, floor);
    }

    private KeywordMatcher matcherForSector(FilterCriteria c) {
        List<String> exclusions =
                c.exclusionTerms() != null ? c.exclusionTerms() : c.sector().exclusions();
        Map<String, List<String>> context =
                c.exclusionTerms() != null ? Map.of() : c.sector().contextRequired();
        return new KeywordMatcher(
                c.sector().keywords(),
                exclusions,
                context,
                catalog.redFlags(),
                catalog.incidentalMarkers(),
                catalog.genericObjectWords());
    }

    /** Custom terms replace the sector's keywords; the sector's exclusions stay unless the user gave their own. */
    private KeywordMatcher matcherForTerms(List<String> terms, FilterCriteria c) {
        if (c.exclusionTerms() != null) {
            return new KeywordMatcher(terms, c.exclusionTerms(), Map.of(), Map.of());
        }
        if ("vestuario".equals(c.sector().id())) {
            // The reference UI sends its default sector with free terms: then the terms stand alone.
            return new KeywordMatcher(terms, List.of(), Map.of(), Map.of());
        }
        return new KeywordMatcher(terms, c.sector().exclusions(), c.sector().contextRequired(), Map.of());
    }

    /**
     * One pass over the records. With a min-match floor, the records that only the floor rejected are kept aside
     * while nothing has passed: when the floor alone empties the result, they are the result (the floor relaxed),
     * exactly as a second run without the floor would give.
     */
    public final class Sieve {
        private final FilterCriteria criteria;
        private final KeywordMatcher matcher;
        private final OrgaoMatcher orgaos;
        private final ParsedTerms terms;
        private final int floor;
        private final Run strict = new Run();
        private final Run relaxed = new Run();
        private int offered;

        private Sieve(
                FilterCriteria criteria, KeywordMatcher matcher, OrgaoMatcher orgaos, ParsedTerms terms, int floor) {
            this.criteria = criteria;
            this.matcher = matcher;
            this.orgaos = orgaos;
            this.terms = terms;
            this.floor = floor;
        }

        /** The user's terms as parsed (null when the sector's keywords are searched). */
        public ParsedTerms terms() {
            return terms;
        }

        public void offer(PncpRecord r) {
            offered++;
            StatusLicitacao status = statusInference.infer(r);
            Rejection why = prefilter(r, status, criteria, orgaos);
            if (why == null) {
                KeywordMatch match = matcher.match(r.objeto());
                why = match.accepted() ? null : match.rejection();
                if (why == null) {
                    decide(r, status, match);
                    return;
                }
            }
            strict.reject(why);
            relaxed.reject(why);
        }

        private void decide(PncpRecord r, StatusLicitacao status, KeywordMatch match) {
            int matched = match.matchedTerms().size();
            boolean belowFloor = floor > 1 && matched < floor && match.phraseMatches() == 0;
            Rejection late = criteria.status() == StatusLicitacao.RECEBENDO_PROPOSTA
                            && !criteria.somenteAbertas()
                            && !statusInference.plausiblyOpen(r)
                    ? Rejection.PRAZO
                    : null;
            int n = terms != null ? terms.valid().size() : 3;
            Accepted accepted = new Accepted(
                    r, status, match.matchedTerms(), TermParser.relevance(matched, n, match.phraseMatches()));
            if (belowFloor) {
                strict.reject(Rejection.MIN_MATCH);
            } else if (late != null) {
                strict.reject(late);
            } else {
                strict.accepted.add(accepted);
                relaxed.accepted.clear(); // the floor held something: no relaxed result will be needed
            }
            if (late != null) {
                relaxed.reject(late);
            } else if (strict.accepted.isEmpty()) {
                relaxed.accepted.add(accepted);
            }
        }

        public FilterOutcome outcome() {
            if (strict.accepted.isEmpty() && strict.n(Rejection.MIN_MATCH) > 0) {
                return new FilterOutcome(relaxed.accepted, relaxed.stats(offered), terms, 0, true);
            }
            return new FilterOutcome(
                    strict.accepted, strict.stats(offered), terms, strict.n(Rejection.MIN_MATCH), false);
        }
    }

    private Rejection prefilter(PncpRecord r, StatusLicitacao status, FilterCriteria c, OrgaoMatcher orgaos) {
        if (!c.ufs().isEmpty() && (r.uf() == null || !c.ufs().contains(r.uf()))) {
            return Rejection.UF;
        }
        if (c.somenteAbertas()) {
            if (!statusInference.openNow(r)) {
                return statusInference.closedBySituacao(r) ? Rejection.STATUS : Rejection.PRAZO;
            }
        } else if (c.status() != null && c.status() != StatusLicitacao.TODOS && status != c.status()) {
            return Rejection.STATUS;
        }
        if (!c.esferas().isEmpty() && (r.esferaId() == null || !c.esferas().contains(r.esferaId()))) {
            return Rejection.ESFERA;
        }
        if (!c.modalidades().isEmpty() && !c.modalidades().contains(r.modalidadeId())) {
            return Rejection.MODALIDADE;
        }
        if (!c.municipios().isEmpty()
                && (r.codigoIbge() == null || !c.municipios().contains(r.codigoIbge()))) {
            return Rejection.MUNICIPIO;
        }
        if (!orgaos.isEmpty() && !orgaos.matches(r)) {
            return Rejection.ORGAO;
        }
        java.math.BigDecimal valor = r.valorOuZero();
        if ((c.valorMinimo() != null && valor.compareTo(c.valorMinimo()) < 0)
                || (c.valorMaximo() != null && valor.compareTo(c.valorMaximo()) > 0)) {
            return Rejection.VALOR;
        }
        return null;
    }

    private static final class Run {
        final List<Accepted> accepted = new ArrayList<>();
        final Map<Rejection, Integer> counts = new EnumMap<>(Rejection.class);

        void reject(Rejection why) {
            counts.merge(why, 1, Integer::sum);
        }

        int n(Rejection r) {
            return counts.getOrDefault(r, 0);
        }

        FilterStats stats(int total) {
            return new FilterStats(
                    total,
                    accepted.size(),
                    n(Rejection.UF),
                    n(Rejection.STATUS),
                    n(Rejection.ESFERA),
                    n(Rejection.MODALIDADE),
                    n(Rejection.MUNICIPIO),
                    n(Rejection.ORGAO),
                    n(Rejection.VALOR),
                    n(Rejection.EXCLUSAO),
                    n(Rejection.KEYWORD),
                    n(Rejection.CONTEXTO),
                    n(Rejection.RED_FLAGS),
                    n(Rejection.MIN_MATCH),
                    n(Rejection.PRAZO),
                    n(Rejection.OUTROS));
        }
    }
}
