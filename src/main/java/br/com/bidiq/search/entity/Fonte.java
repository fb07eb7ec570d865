package br.com.bidiq.search.entity;

import java.util.Locale;

/**
 * Where a search's notices come from: {@code auto} (the index when it covers the whole search, PNCP live otherwise),
 * {@code indice} (the index whatever it covers) or {@code pncp} (live). A result says {@code indice} or {@code pncp}.
 */
public enum Fonte {
    AUTO,
    INDICE,
    PNCP;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Fonte fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
