package br.com.bidiq.filtering.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lower case, no accents, punctuation as spaces, single spaces: "Guarda-Pó  (Jaleco)" becomes "guarda po jaleco".
 * Letters and numbers are kept (accents dropped), combining marks vanish, anything else separates words.
 *
 * <p>One pass over the text: every notice of a search is normalised (its object and, with an órgão filter, its
 * names), so this runs hundreds of thousands of times a search. Characters outside ASCII are decomposed once each and
 * remembered.
 */
public final class TextNormalizer {

    private static final ConcurrentHashMap<Integer, String> FOLDED = new ConcurrentHashMap<>();
    /** Marks a code point that folds to a word separator (compared by identity). */
    private static final String SEPARATOR = " ";
    /** ASCII folded in advance: the common case costs an array read. */
    private static final String[] ASCII = new String[128];

    static {
        for (int c = 0; c < ASCII.length; c++) {
            boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            ASCII[c] = word ? String.valueOf((char) Character.toLowerCase(c)) : SEPARATOR;
        }
    }

    private TextNormalizer() {}

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String folded = cp < ASCII.length ? ASCII[cp] : FOLDED.computeIfAbsent(cp, TextNormalizer::fold);
            if (folded == SEPARATOR) {
                pendingSpace = true;
            } else if (!folded.isEmpty()) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(folded);
            }
        }
        return out.toString();
    }

    /** A code point's letters and numbers, lower case and decomposed without marks; "" for a mark, SEPARATOR else. */
    private static String fold(int cp) {
        if (FOLDED.size() > 20_000) {
            FOLDED.clear(); // hostile text full of distinct symbols: forget, rather than grow without bound
        }
        String lower = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder kept = new StringBuilder(2);
        boolean separates = false;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetter(c) || isNumber(type)) {
                kept.appendCodePoint(c);
            } else {
                separates = true;
            }
        }
        if (kept.length() == 0) {
            return separates ? SEPARATOR : "";
        }
        return kept.toString();
    }

    private static boolean isNumber(int type) {
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
