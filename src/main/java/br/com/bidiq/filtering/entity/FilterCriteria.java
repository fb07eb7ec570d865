package br.com.bidiq.filtering.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Everything the filters need from a search request, already validated. Empty sets and lists, and null amounts,
 * mean "no filter". {@code municipios} are IBGE codes; {@code orgaos} are CNPJs or parts of the órgão's or unit's
 * name. {@code termosBusca} null means sector mode (the sector's keywords); otherwise the user's terms replace them.
 * {@code exclusionTerms}, when given, replace the sector's exclusions and context rules. {@code showAllMatches}: in
 * custom-terms mode one matching term is enough (otherwise a share of the terms must match). {@code somenteAbertas}: only tenders whose proposal deadline is still
 * ahead ("abertas agora"), whatever the status filter says.
 */
public record FilterCriteria(
        Set<String> ufs,
        StatusLicitacao status,
        Set<String> esferas,
        Set<Integer> modalidades,
        Set<String> municipios,
        List<String> orgaos,
        BigDecimal valorMinimo,
        BigDecimal valorMaximo,
        Sector sector,
        String termosBusca,
        List<String> exclusionTerms,
        boolean showAllMatches,
        boolean somenteAbertas) {}
