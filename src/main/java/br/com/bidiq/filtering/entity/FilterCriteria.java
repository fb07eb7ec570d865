package br.com.bidiq.filtering.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Everything the filters need from a search request, already validated. Empty sets mean "no filter".
 * {@code customTerms} null means sector mode.
 */
public record FilterCriteria(Set<String> ufs, StatusLicitacao status, Set<String> esferas, Set<Integer> modalidades,
                             Set<String> municipios, List<String> orgaos, BigDecimal valorMinimo,
                             BigDecimal valorMaximo, Sector sector, String termosBusca,
                             List<String> exclusionTerms, boolean showAllMatches) {
}
