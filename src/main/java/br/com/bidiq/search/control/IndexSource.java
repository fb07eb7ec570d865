package br.com.bidiq.search.control;

import br.com.bidiq.filtering.control.RecordFilter;
import br.com.bidiq.filtering.entity.StatusLicitacao;
import br.com.bidiq.index.control.IndexSearch;
import br.com.bidiq.index.entity.IndexCoverage;
import br.com.bidiq.index.entity.NoticeQuery;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.search.entity.Fonte;
import br.com.bidiq.search.entity.SearchQuery;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A search's records read from the local index: the database pre-selects candidates by the search's structured
 * filters (always a superset of what the filters keep, as they run again on every candidate) and streams them
 * through the filters, so only what passes is held.
 */
final class IndexSource {

    private static final Logger LOG = RequestIds.logger(IndexSource.class);

    private final IndexSearch index;

    IndexSource(IndexSearch index) {
        this.index = index;
    }

    Fed feed(
            SearchQuery request, RecordFilter.Sieve sieve, Progress progress, IndexCoverage coverage, LocalDateTime now)
            throws SQLException {
        NoticeQuery query = query(request, now);
        progress.emit(
                "consultando",
                10,
                "Consultando o índice local...",
                Map.of("fonte", Fonte.INDICE.wire(), "uf_total", request.ufs().size()));
        long started = System.nanoTime();
        int candidates = index.count(query);
        progress.emit(
                "consultando",
                55,
                "Índice local: " + Plural.of(candidates, "licitação candidata", "licitações candidatas"),
                Map.of(
                        "candidatos",
                        candidates,
                        "total_raw",
                        candidates,
                        "uf_total",
                        request.ufs().size(),
                        "uf_index",
                        request.ufs().size()));
        progress.emit(
                "filtering",
                60,
                "Aplicando filtros em " + Plural.of(candidates, "licitação", "licitações") + "...",
                Map.of());
        int streamed = index.stream(query, sieve::offer);
        LOG.info(() -> String.format(
                "Index answered with %d candidates in %.0f ms", streamed, (System.nanoTime() - started) / 1e6));
        return new Fed(streamed, Fonte.INDICE, coverage.freshAt(), List.of(), 0, coverage.missing());
    }

    /** The request's structured filters as a database pre-selection; the filters stay the one definition. */
    static NoticeQuery query(SearchQuery r, LocalDateTime now) {
        boolean abertas = r.openOnly();
        boolean receiving = !abertas && r.status() == StatusLicitacao.RECEBENDO_PROPOSTA;
        return new NoticeQuery(
                r.ufs(),
                r.modalities(),
                r.from(),
                r.to(),
                r.minValue(),
                r.maxValue(),
                upper(r.spheres()),
                r.municipalities() == null ? Set.of() : new HashSet<>(r.municipalities()),
                cnpjs(r.agencies()),
                receiving ? now : null,
                abertas ? now : null);
    }

    private static Set<String> upper(List<String> values) {
        return values == null
                ? Set.of()
                : new HashSet<>(
                        values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList());
    }

    /**
     * The órgãos as CNPJs when every one is written as a CNPJ (digits and punctuation only, 14 digits): only then
     * can the database narrow by them, since a name is matched on normalized text the database does not keep.
     */
    static Set<String> cnpjs(List<String> orgaos) {
        if (orgaos == null || orgaos.isEmpty()) {
            return Set.of();
        }
        Set<String> cnpjs = new HashSet<>();
        for (String o : orgaos) {
            String digits = o.replaceAll("\\D", "");
            if (!o.matches("[\\d\\s./-]+") || digits.length() != 14) {
                return Set.of();
            }
            cnpjs.add(digits);
        }
        return cnpjs;
    }
}
