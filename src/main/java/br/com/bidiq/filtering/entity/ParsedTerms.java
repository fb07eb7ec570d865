package br.com.bidiq.filtering.entity;

import java.util.List;
import java.util.Map;

/** Custom search terms after parsing and validation: the ones used and the ones ignored with the reason. */
public record ParsedTerms(
        List<String> valid,
        List<String> ignored,
        Map<String, String> reasons,
        List<String> stopwordsRemoved,
        boolean phraseMode) {}
