package br.com.bidiq.filtering.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalized term matched on whole words, optionally in either number ("uniforme" finds "uniformes" but not
 * "uniformemente"; "confecção" finds "confecções"). Works on text already passed through {@link TextNormalizer}.
 */
final class WordPattern {

    private final String term;
    private final Pattern pattern;
    /**
     * The stem every form of each word of the term shares, which a match contains literally: most texts lack one of
     * them, and a plain {@code indexOf} rules them out far faster than the regex (whose word-boundary look-arounds
     * dominate a search over hundreds of thousands of notices). Only a necessary condition: the regex decides.
     */
    private final String[] words;

    private WordPattern(String term, Pattern pattern, String[] words) {
        this.term = term;
        this.pattern = pattern;
        this.words = words;
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
        return new WordPattern(normalizedTerm, compile(normalizedTerm, false), normalizedTerm.split(" "));
    }

    /** Every word of the term in singular or plural, as Portuguese inflects it. */
    static WordPattern withPlural(String normalizedTerm) {
        String[] stems = java.util.Arrays.stream(normalizedTerm.split(" "))
                .map(WordPattern::stem)
                .toArray(String[]::new);
        return new WordPattern(normalizedTerm, compile(normalizedTerm, true), stems);
    }

    /**
     * With plurals, every word of a phrase may take one: "uniforme escolar" finds "uniformes escolares",
     * "confecção" finds "confecções", "cesta básica" finds "cestas básicas", and a plural keyword finds its
     * singular. Only whole words: "aço" does not find "ações".
     */
    private static Pattern compile(String term, boolean plural) {
        StringBuilder core = new StringBuilder();
        for (String word : term.split(" ")) {
            if (core.length() > 0) {
                core.append(' ');
            }
            core.append(plural ? forms(word) : Pattern.quote(word));
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + core + "(?![\\p{L}\\p{N}])");
    }

    /** A regex of the word's singular and plural forms (normalized text: no accents, so "ão" is "ao"). */
    static String forms(String word) {
        java.util.Set<String> forms = new java.util.LinkedHashSet<>(inflections(word));
        return "(?:" + String.join("|", forms.stream().map(Pattern::quote).toList()) + ")";
    }

    /** The word and its other number: singular to plural and plural to singular, for words of 3 letters or more. */
    static java.util.List<String> inflections(String w) {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(w);
        if (w.length() < 3 || !w.chars().allMatch(Character::isLetter)) {
            return out;
        }
        if (w.endsWith("oes") || w.endsWith("aes")) { // confeccoes -> confeccao, paes -> pao
            out.add(w.substring(0, w.length() - 3) + "ao");
        } else if (w.endsWith("ao")) { // confeccao -> confeccoes, pao -> paes, mao -> maos
            String stem = w.substring(0, w.length() - 2);
            out.add(stem + "oes");
            out.add(stem + "aes");
            out.add(w + "s");
        } else if (w.endsWith("ns")) { // bobinagens -> bobinagem
            out.add(w.substring(0, w.length() - 2) + "m");
        } else if (w.endsWith("m")) { // bobinagem -> bobinagens
            out.add(w.substring(0, w.length() - 1) + "ns");
        } else if (w.endsWith("is") && w.length() > 4) { // materiais -> material, papeis -> papel
            String stem = w.substring(0, w.length() - 2);
            out.add(stem + "l");
            out.add(stem.endsWith("e") ? stem.substring(0, stem.length() - 1) + "il" : stem + "il");
        } else if (w.endsWith("l")) { // material -> materiais, funil -> funis
            String stem = w.substring(0, w.length() - 1);
            out.add(w.endsWith("il") ? stem.substring(0, stem.length() - 1) + "is" : stem + "is");
            out.add(stem + "is");
            out.add(w + "s"); // firewall -> firewalls
        } else if (w.endsWith("res") || w.endsWith("zes")) { // computadores -> computador
            out.add(w.substring(0, w.length() - 2));
        } else if (w.endsWith("r") || w.endsWith("z")) { // computador -> computadores
            out.add(w + "es");
        } else if (w.endsWith("s")) { // bermudas -> bermuda
            if (w.length() > 4 && isVowel(w.charAt(w.length() - 2))) {
                out.add(w.substring(0, w.length() - 1));
            }
        } else if (isVowel(w.charAt(w.length() - 1))) { // uniforme -> uniformes, aco -> acos
            out.add(w + "s");
        } else { // notebook -> notebooks, switch -> switches
            out.add(w + "s");
            out.add(w + "es");
        }
        return out;
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    /** The longest start every inflection of the word shares: a text without it holds none of them. */
    static String stem(String word) {
        java.util.List<String> forms = inflections(word);
        String stem = forms.get(0);
        for (String f : forms) {
            int i = 0;
            while (i < stem.length() && i < f.length() && stem.charAt(i) == f.charAt(i)) {
                i++;
            }
            stem = stem.substring(0, i);
        }
        return stem;
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
