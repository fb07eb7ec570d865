package br.com.bidiq.filtering.control;

import br.com.bidiq.filtering.entity.ParsedTerms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Custom search terms ({@code termos_busca}): with a comma each piece is a phrase; without one, each word is a term.
 * Stopwords are dropped, duplicates (accent-insensitive) removed, and every term is either used or ignored with a
 * reason the user can read.
 */
public final class TermParser {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} \\-]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final SectorCatalog catalog;

    public TermParser(SectorCatalog catalog) {
        this.catalog = catalog;
    }

    public ParsedTerms parse(String input) {
        String clean = SPACES.matcher(
                        input == null
                                ? ""
                                : input.replace('\u201C', '"')
                                        .replace('\u201D', '"')
                                        .replace('\u2018', '\'')
                                        .replace('\u2019', '\''))
                .replaceAll(" ");
        boolean phraseMode = clean.contains(",");
        List<String> pieces = new ArrayList<>();
        List<String> stopwords = new ArrayList<>();
        if (phraseMode) {
            for (String p : clean.split(",")) {
                String t = p.strip().toLowerCase(java.util.Locale.ROOT);
                if (t.isEmpty()) {
                    continue;
                }
                if (!t.contains(" ")
                        && catalog.isStopword(TextNormalizer.normalize(t))
                        && !catalog.isAcronym(TextNormalizer.normalize(t))) {
                    stopwords.add(t);
                    continue;
                }
                pieces.add(t);
            }
        } else {
            for (String w : clean.strip().split(" ")) {
                String t = w.strip().toLowerCase(java.util.Locale.ROOT);
                if (t.isEmpty()) {
                    continue;
                }
                if (catalog.isStopword(TextNormalizer.normalize(t))
                        && !catalog.isAcronym(TextNormalizer.normalize(t))) {
                    stopwords.add(t);
                    continue;
                }
                pieces.add(t);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> valid = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String term : pieces) {
            if (!seen.add(TextNormalizer.normalize(term))) {
                continue;
            }
            String reason = rejectReason(term);
            if (reason == null) {
                valid.add(term);
            } else {
                ignored.add(term);
                reasons.put(term, reason);
            }
        }
        return new ParsedTerms(
                List.copyOf(valid), List.copyOf(ignored), Map.copyOf(reasons), List.copyOf(stopwords), phraseMode);
    }

    private String rejectReason(String term) {
        if (term.isBlank()) {
            return "Termo vazio ou apenas espaços";
        }
        boolean singleWord = !term.contains(" ");
        if (singleWord && catalog.isAcronym(TextNormalizer.normalize(term))) {
            return null; // EPI, TI, GLP: short, but what the field calls things; matched as whole words
        }
        if (singleWord && catalog.isStopword(TextNormalizer.normalize(term))) {
            return "Palavra comum não indexada (stopword)";
        }
        if (!ALLOWED.matcher(term).matches()) {
            return "Contém caracteres especiais não permitidos";
        }
        if (singleWord && term.codePointCount(0, term.length()) < 4) {
            return "Termo muito curto (mínimo 4 caracteres)";
        }
        return null;
    }

    /** 1-3 terms need 1 match, 4-6 need 2, 7 or more need 3. */
    public static int minMatches(int terms) {
        return Math.max(1, Math.min((int) Math.ceil(terms / 3.0), 3));
    }

    public static double relevance(int matched, int terms, int phraseMatches) {
        if (terms == 0) {
            return 0;
        }
        return Math.min(1.0, (double) matched / terms + 0.15 * phraseMatches);
    }
}
