package br.com.bidiq.filtering.entity;

import java.util.List;
import java.util.Map;

/** A business sector: the words that find its tenders, the words that rule them out, and context rules. */
public record Sector(
        String id,
        String name,
        String description,
        List<String> keywords,
        List<String> exclusions,
        Map<String, List<String>> contextRequired) {}
