package br.com.bidiq.filtering.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Lower case, no accents, punctuation as spaces, single spaces: "Guarda-Pó  (Jaleco)" becomes "guarda po jaleco". */
public final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\s]|_");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        String spaced = NOT_WORD.matcher(bare).replaceAll(" ");
        return SPACES.matcher(spaced).replaceAll(" ").strip();
    }
}
