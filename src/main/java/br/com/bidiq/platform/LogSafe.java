package br.com.bidiq.platform;

/**
 * Makes text safe for a one-line log record: control characters (CR, LF, tab, NUL, DEL, NEL and the Unicode line
 * and paragraph separators) become visible escapes, so a value a client sent cannot forge or split a log line, and
 * overlong text is cut.
 */
public final class LogSafe {

    static final int MAX_CHARS = 2_000;

    private LogSafe() {}

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int n = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(n + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        String safe = out == null ? text.substring(0, n) : out.toString();
        return text.length() > MAX_CHARS ? safe + "…(+" + (text.length() - MAX_CHARS) + " caracteres)" : safe;
    }

    private static String replacement(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029'
                        ? String.format("\\u%04x", (int) c)
                        : null;
        };
    }
}
