package br.com.bidiq.pncp.entity;

/** The PNCP list endpoints BidIQ reads; both take the same parameters and return the same records. */
public enum PncpEndpoint {
    /** Filters on {@code dataPublicacaoPncp}: what a search and the index backfill ask for. */
    PUBLICACAO("/v1/contratacoes/publicacao"),
    /** Filters on {@code dataAtualizacao}: new, changed, republished and cancelled notices, for incremental runs. */
    ATUALIZACAO("/v1/contratacoes/atualizacao");

    private final String path;

    PncpEndpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PncpEndpoint fromWire(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
