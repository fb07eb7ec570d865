package br.com.bidiq.filtering.entity;

/** Why a record was left out; each maps to one counter of {@link FilterStats}. */
public enum Rejection {
    UF,
    STATUS,
    ESFERA,
    MODALIDADE,
    MUNICIPIO,
    ORGAO,
    VALOR,
    EXCLUSAO,
    KEYWORD,
    CONTEXTO,
    RED_FLAGS,
    MIN_MATCH,
    PRAZO,
    OUTROS
}
