package br.com.bidiq.filtering.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Everything the filters need from a search request, already validated. Empty sets mean "no filter".
 * {@code termosBusca} null means sector mode. {@code somenteAbertas}: only tenders whose proposal deadline is still
 * ahead ("abertas agora"), whatever the status filter says.
 */
public record FilterCriteria(Set<String> ufs, StatusLicitacao status, Set<String> esferas, Set<Integer> modalidades,
                             Set<String> municipios, List<String> orgaos, BigDecimal valorMinimo,
                             BigDecimal valorMaximo, Sector sector, String termosBusca,
                             List<String> exclusionTerms, boolean showAllMatches, boolean somenteAbertas) {

    public FilterCriteria(Set<String> ufs, StatusLicitacao status, Set<String> esferas, Set<Integer> modalidades,
                          Set<String> municipios, List<String> orgaos, BigDecimal valorMinimo, BigDecimal valorMaximo,
                          Sector sector, String termosBusca, List<String> exclusionTerms, boolean showAllMatches) {
        this(ufs, status, esferas, modalidades, municipios, orgaos, valorMinimo, valorMaximo, sector, termosBusca,
                exclusionTerms, showAllMatches, false);
    }
}
