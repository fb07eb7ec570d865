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
        ParsedTerms terms = null;
        KeywordMatcher matcher;
        boolean customMode = criteria.termosBusca() != null && !criteria.termosBusca().isBlank();
        if (customMode) {
            terms = new TermParser(catalog).parse(criteria.termosBusca());
            if (terms.valid().isEmpty()) {
                throw new InvalidTermsException(terms);
            }
            matcher = matcherForTerms(terms.valid(), criteria);
        } else {
            matcher = matcherForSector(criteria);
        }
        int floor = customMode && !criteria.showAllMatches() ? TermParser.minMatches(terms.valid().size()) : 1;
        Run first = run(records, criteria, matcher, terms, floor);
        if (first.accepted.isEmpty() && first.counts.getOrDefault(Rejection.MIN_MATCH, 0) > 0) {
            Run relaxed = run(records, criteria, matcher, terms, 1);
            return new FilterOutcome(relaxed.accepted, relaxed.stats(records.size()), terms, 0, true);
        }
        int hidden = first.counts.getOrDefault(Rejection.MIN_MATCH, 0);
        return new FilterOutcome(first.accepted, first.stats(records.size()), terms, hidden, false);
    }

    private KeywordMatcher matcherForSector(FilterCriteria c) {
        List<String> exclusions = c.exclusionTerms() != null ? c.exclusionTerms() : c.sector().exclusions();
        Map<String, List<String>> context = c.exclusionTerms() != null ? Map.of() : c.sector().contextRequired();
        return new KeywordMatcher(c.sector().keywords(), exclusions, context, catalog.redFlags());
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

    private Run run(List<PncpRecord> records, FilterCriteria c, KeywordMatcher matcher, ParsedTerms terms,
                    int floor) {
        Run run = new Run();
        for (PncpRecord r : records) {
            StatusLicitacao status = statusInference.infer(r);
            Rejection why = prefilter(r, status, c);
            if (why != null) {
                run.reject(why);
                continue;
            }
            KeywordMatch match = matcher.match(r.objeto());
            if (!match.accepted()) {
                run.reject(match.rejection());
                continue;
            }
            int matched = match.matchedTerms().size();
            if (floor > 1 && matched < floor && match.phraseMatches() == 0) {
                run.reject(Rejection.MIN_MATCH);
                continue;
            }
            if (c.status() == StatusLicitacao.RECEBENDO_PROPOSTA && !statusInference.plausiblyOpen(r)) {
                run.reject(Rejection.PRAZO);
                continue;
            }
            int n = terms != null ? terms.valid().size() : 3;
            run.accepted.add(new Accepted(r, status, match.matchedTerms(),
                    TermParser.relevance(matched, n, match.phraseMatches())));
        }
        return run;
    }

    private static Rejection prefilter(PncpRecord r, StatusLicitacao status, FilterCriteria c) {
        if (!c.ufs().isEmpty() && (r.uf() == null || !c.ufs().contains(r.uf()))) {
            return Rejection.UF;
        }
        if (c.status() != null && c.status() != StatusLicitacao.TODOS && status != c.status()) {
            return Rejection.STATUS;
        }
        if (!c.esferas().isEmpty() && (r.esferaId() == null || !c.esferas().contains(r.esferaId()))) {
            return Rejection.ESFERA;
        }
        if (!c.modalidades().isEmpty() && !c.modalidades().contains(r.modalidadeId())) {
            return Rejection.MODALIDADE;
        }
        if (!c.municipios().isEmpty() && (r.codigoIbge() == null || !c.municipios().contains(r.codigoIbge()))) {
            return Rejection.MUNICIPIO;
        }
        if (!c.orgaos().isEmpty() && !matchesOrgao(r, c.orgaos())) {
            return Rejection.ORGAO;
        }
        java.math.BigDecimal valor = r.valorOuZero();
        if ((c.valorMinimo() != null && valor.compareTo(c.valorMinimo()) < 0)
                || (c.valorMaximo() != null && valor.compareTo(c.valorMaximo()) > 0)) {
            return Rejection.VALOR;
        }
        return null;
    }

    private static boolean matchesOrgao(PncpRecord r, List<String> orgaos) {
        String names = TextNormalizer.normalize(r.orgaoRazaoSocial()) + " | " + TextNormalizer.normalize(r.nomeUnidade());
        String cnpj = r.orgaoCnpj() == null ? "" : r.orgaoCnpj();
        for (String o : orgaos) {
            String digits = o.replaceAll("\\D", "");
            if (digits.length() == 14 && digits.equals(cnpj)) {
                return true;
            }
            String n = TextNormalizer.normalize(o);
            if (!n.isEmpty() && names.contains(n)) {
                return true;
            }
        }
        return false;
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
            return new FilterStats(total, accepted.size(), n(Rejection.UF), n(Rejection.STATUS), n(Rejection.ESFERA),
                    n(Rejection.MODALIDADE), n(Rejection.MUNICIPIO), n(Rejection.ORGAO), n(Rejection.VALOR),
                    n(Rejection.EXCLUSAO), n(Rejection.KEYWORD), n(Rejection.CONTEXTO), n(Rejection.RED_FLAGS),
                    n(Rejection.MIN_MATCH), n(Rejection.PRAZO), n(Rejection.OUTROS));
        }
    }
}
