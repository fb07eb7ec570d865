package br.com.bidiq.filtering.entity;

import java.util.Arrays;
import java.util.Optional;

/** How a search's results are ordered. */
public enum Ordenacao {
    DATA_DESC("data_desc", "Publicação mais recente"),
    DATA_ASC("data_asc", "Publicação mais antiga"),
    VALOR_DESC("valor_desc", "Maior valor"),
    VALOR_ASC("valor_asc", "Menor valor"),
    PRAZO_ASC("prazo_asc", "Prazo mais próximo"),
    RELEVANCIA("relevancia", "Relevância");

    private final String wire;
    private final String label;

    Ordenacao(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    /** As the page and the report say it. */
    public String label() {
        return label;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Ordenacao> fromWire(String value) {
        return Arrays.stream(values()).filter(o -> o.wire.equals(value)).findFirst();
    }
}
