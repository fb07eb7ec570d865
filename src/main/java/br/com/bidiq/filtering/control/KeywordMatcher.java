package br.com.bidiq.filtering.control;

import br.com.bidiq.filtering.entity.KeywordMatch;
import br.com.bidiq.filtering.entity.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a tender's object text belongs to a keyword set.
 *
 * <ul>
 *   <li>Keywords match whole words, plural included; accents and punctuation do not matter.</li>
 *   <li>Singular/plural and accented/unaccented variants of one keyword count once, in the list's order, so
 *       {@code matched_terms} is deterministic.</li>
 *   <li>Exclusions win, except inside a longer matched keyword phrase that contains them ("fardamento militar" is not
 *       killed by the exclusion "militar"). They match in either number, as keywords do.</li>
 *   <li>Only the main object counts: a keyword found only in an incidental clause ("vigilância … incluindo o
 *       fornecimento de uniformes") rejects the notice under {@code CONTEXTO}.</li>
 *   <li>Context rules and red flags test whole words, so "recursos" is not "curso".</li>
 *   <li>Red flags (two or more terms of one category) reject only weak matches (density below 5 %); there is no
 *       LLM arbiter, so nothing else is rejected for low density.</li>
 * </ul>
 */
public final class KeywordMatcher {

    static final double STRONG_DENSITY = 0.05;

    private final List<Keyword> keywords = new ArrayList<>();
    private final List<WordPattern> exclusions = new ArrayList<>();
    private final Map<String, List<WordPattern>> context = new LinkedHashMap<>();
    private final Map<String, List<WordPattern>> redFlags = new LinkedHashMap<>();
    private final List<WordPattern> incidentalMarkers = new ArrayList<>();
    private final java.util.Set<String> genericWords;

    private record Keyword(String display, WordPattern pattern) {}

    public KeywordMatcher(
            List<String> keywords,
            List<String> exclusions,
            Map<String, List<String>> contextRequired,
            Map<String, List<String>> redFlags) {
        this(keywords, exclusions, contextRequired, redFlags, List.of(), java.util.Set.of());
    }

    /**
     * {@code incidentalMarkers}: the words that open an incidental clause ("com fornecimento de", "incluindo",
     * "para atender", an órgão's name…). A keyword found only after the first of them does not make a notice
     * relevant: it is what the contract also supplies, or who buys it, not what is bought. {@code genericWords}:
     * words (normalized) that say nothing of the object ("contratação", "empresa"…).
     */
    public KeywordMatcher(
            List<String> keywords,
            List<String> exclusions,
            Map<String, List<String>> contextRequired,
            Map<String, List<String>> redFlags,
            List<String> incidentalMarkers,
            java.util.Set<String> genericWords) {
        this.genericWords = genericWords;
        for (String m : incidentalMarkers) {
            String n = TextNormalizer.normalize(m);
            if (!n.isEmpty()) {
                this.incidentalMarkers.add(WordPattern.withPlural(n));
            }
        }
        Map<String, String> byNormal = new LinkedHashMap<>();
        for (String k : keywords) {
            String n = TextNormalizer.normalize(k);
            if (n.isEmpty()) {
                continue;
            }
            byNormal.merge(n, k, (kept, other) -> accents(other) > accents(kept) ? other : kept);
        }
        byNormal.forEach((n, display) -> this.keywords.add(new Keyword(display, WordPattern.withPlural(n))));
        for (String e : exclusions) {
            String n = TextNormalizer.normalize(e);
            if (!n.isEmpty() && this.exclusions.stream().noneMatch(p -> p.term().equals(n))) {
                this.exclusions.add(WordPattern.withPlural(n));
            }
        }
        contextRequired.forEach((k, words) -> context.put(
                TextNormalizer.normalize(k),
                words.stream()
                        .map(TextNormalizer::normalize)
                        .distinct()
                        .map(WordPattern::withPlural)
                        .toList()));
        String allKeywords = " " + String.join(" ", byNormal.keySet()) + " ";
        redFlags.forEach((category, terms) -> {
            List<String> normal =
                    terms.stream().map(TextNormalizer::normalize).distinct().toList();
            // A category that names the sector's own subject (medicamento for Saúde) is no warning sign for it.
            boolean ownSubject = normal.stream()
                    .anyMatch(t -> allKeywords.contains(" " + t + " ") || allKeywords.contains(" " + t + "s "));
            if (!ownSubject) {
                this.redFlags.put(
                        category, normal.stream().map(WordPattern::withPlural).toList());
            }
        });
    }

    private static long accents(String s) {
        return s.chars().filter(c -> c > 127).count();
    }

    public KeywordMatch match(String objeto) {
        String text = TextNormalizer.normalize(objeto);
        if (text.isEmpty()) {
            return new KeywordMatch(List.of(), 0, 0, Rejection.KEYWORD, "objeto vazio");
        }
        List<Keyword> kept = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        for (Keyword k : keywords) {
            int[] span = k.pattern().firstSpan(text);
            if (span == null || isVariantOfKept(k, kept) || sameSpan(span, spans)) {
                continue;
            }
            kept.add(k);
            spans.add(span);
        }
        if (kept.isEmpty()) {
            return new KeywordMatch(List.of(), 0, 0, Rejection.KEYWORD, null);
        }
        int head = headEnd(text);
        if (spans.stream().allMatch(span -> span[0] >= head)) {
            return new KeywordMatch(
                    names(kept),
                    0,
                    0,
                    Rejection.CONTEXTO,
                    "menção incidental: " + kept.get(0).display());
        }
        String excluded = firstExclusion(text, kept, spans);
        if (excluded != null) {
            return new KeywordMatch(names(kept), 0, 0, Rejection.EXCLUSAO, excluded);
        }
        List<Keyword> confirmed = new ArrayList<>();
        String missingContext = null;
        for (Keyword k : kept) {
            List<WordPattern> needs = context.get(k.pattern().term());
            if (needs == null || needs.stream().anyMatch(w -> w.foundIn(text))) {
                confirmed.add(k);
            } else if (missingContext == null) {
                missingContext = k.display();
            }
        }
        if (confirmed.isEmpty()) {
            return new KeywordMatch(names(kept), 0, 0, Rejection.CONTEXTO, missingContext);
        }
        int words = text.split(" ").length;
        int occurrences =
                confirmed.stream().mapToInt(k -> k.pattern().count(text)).sum();
        double density = (double) occurrences / words;
        int phrases =
                (int) confirmed.stream().filter(k -> k.pattern().isPhrase()).count();
        if (density < STRONG_DENSITY) {
            for (Map.Entry<String, List<WordPattern>> category : redFlags.entrySet()) {
                long hits = category.getValue().stream()
                        .filter(w -> w.foundIn(text))
                        .count();
                if (hits >= 2) {
                    return new KeywordMatch(names(confirmed), phrases, density, Rejection.RED_FLAGS, category.getKey());
                }
            }
        }
        return new KeywordMatch(names(confirmed), phrases, density, null, null);
    }

    /**
     * Where the main object ends: at the first incidental marker that follows some of the object itself. Before a
     * marker preceded only by generic words ("Contratação de empresa especializada, com fornecimento de material e
     * mão de obra, para execução de reforma") the object has not begun, so that marker does not end it.
     */
    private int headEnd(String text) {
        int end = text.length();
        for (WordPattern marker : incidentalMarkers) {
            for (int[] span : marker.spans(text)) {
                if (span[0] < end && !onlyGenericWords(text.substring(0, span[0]))) {
                    end = span[0];
                    break;
                }
            }
        }
        return end;
    }

    private boolean onlyGenericWords(String start) {
        for (String word : start.split(" ")) {
            if (!word.isEmpty() && !genericWords.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVariantOfKept(Keyword k, List<Keyword> kept) {
        String t = k.pattern().term();
        for (Keyword other : kept) {
            String o = other.pattern().term();
            if (t.equals(o + "s") || t.equals(o + "es") || o.equals(t + "s") || o.equals(t + "es")) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameSpan(int[] span, List<int[]> spans) {
        return spans.stream().anyMatch(s -> s[0] == span[0] && s[1] == span[1]);
    }

    private String firstExclusion(String text, List<Keyword> kept, List<int[]> keptSpans) {
        for (WordPattern exclusion : exclusions) {
            for (int[] hit : exclusion.spans(text)) {
                if (!coveredByLongerPhrase(hit, exclusion, kept, keptSpans)) {
                    return exclusion.term();
                }
            }
        }
        return null;
    }

    private static boolean coveredByLongerPhrase(
            int[] hit, WordPattern exclusion, List<Keyword> kept, List<int[]> keptSpans) {
        for (int i = 0; i < kept.size(); i++) {
            int[] k = keptSpans.get(i);
            boolean longer =
                    kept.get(i).pattern().term().length() > exclusion.term().length();
            if (longer && kept.get(i).pattern().isPhrase() && k[0] <= hit[0] && hit[1] <= k[1]) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(List<Keyword> ks) {
        return ks.stream().map(Keyword::display).toList();
    }
}
