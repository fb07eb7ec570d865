package br.com.bidiq.filtering.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalized term matched on whole words, optionally with its plural ("uniforme" finds "uniformes" but not
 * "uniformemente"). Works on text already passed through {@link TextNormalizer}.
 */
final class WordPattern {

    private final String term;
    private final Pattern pattern;
    /**
     * Every word of the term, each of which a match contains literally: most texts lack one of them, and a plain
     * {@code indexOf} rules them out far faster than the regex (whose word-boundary look-arounds dominate a search
     * over hundreds of thousands of notices). Only a necessary condition, so the regex alone still decides.
     */
    private final String[] words;

    private WordPattern(String term, Pattern pattern) {
        this.term = term;
        this.pattern = pattern;
        this.words = term.split(" ");
    }

    private boolean mayOccurIn(String normalizedText) {
        for (String w : words) {
            if (!normalizedText.contains(w)) {
                return false;
            }
        }
        return true;
    }

    static WordPattern exact(String normalizedTerm) {
        return new WordPattern(normalizedTerm, compile(normalizedTerm, false));
    }

    static WordPattern withPlural(String normalizedTerm) {
        return new WordPattern(normalizedTerm, compile(normalizedTerm, true));
    }

    /** With plurals, every word of a phrase may take one: "uniforme escolar" finds "uniformes escolares". */
    private static Pattern compile(String term, boolean plural) {
        StringBuilder core = new StringBuilder();
        for (String word : term.split(" ")) {
            if (core.length() > 0) {
                core.append(' ');
            }
            core.append(Pattern.quote(word));
            if (plural && word.length() >= 3 && !word.endsWith("s")) {
                core.append("(?:s|es)?");
            }
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + core + "(?![\\p{L}\\p{N}])");
    }

    String term() {
        return term;
    }

    boolean isPhrase() {
        return term.indexOf(' ') >= 0;
    }

    /** Start and end of the first match, or null. */
    int[] firstSpan(String normalizedText) {
        if (!mayOccurIn(normalizedText)) {
            return null;
        }
        Matcher m = pattern.matcher(normalizedText);
        return m.find() ? new int[] {m.start(), m.end()} : null;
    }

    boolean foundIn(String normalizedText) {
        return mayOccurIn(normalizedText) && pattern.matcher(normalizedText).find();
    }

    int count(String normalizedText) {
        if (!mayOccurIn(normalizedText)) {
            return 0;
        }
        Matcher m = pattern.matcher(normalizedText);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Every match span, for exclusions that a longer keyword may cover. */
    java.util.List<int[]> spans(String normalizedText) {
        if (!mayOccurIn(normalizedText)) {
            return java.util.List.of();
        }
        Matcher m = pattern.matcher(normalizedText);
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }
}
