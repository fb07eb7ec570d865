package br.com.bidiq.filtering.entity;

import java.util.List;

/**
 * The outcome of matching one text against a keyword set. {@code matchedTerms} keeps the keyword list's order and
 * names each place in the text once. {@code rejection} is null when the text is accepted.
 */
public record KeywordMatch(
        List<String> matchedTerms, int phraseMatches, double density, Rejection rejection, String detail) {

    public boolean accepted() {
        return rejection == null;
    }
}
