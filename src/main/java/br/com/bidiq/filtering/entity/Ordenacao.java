package br.com.bidiq.filtering.entity;

import java.util.Arrays;
import java.util.Optional;

public enum Ordenacao {
    DATA_DESC("data_desc"),
    DATA_ASC("data_asc"),
    VALOR_DESC("valor_desc"),
    VALOR_ASC("valor_asc"),
    PRAZO_ASC("prazo_asc"),
    RELEVANCIA("relevancia");

    private final String wire;

    Ordenacao(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Ordenacao> fromWire(String value) {
        return Arrays.stream(values()).filter(o -> o.wire.equals(value)).findFirst();
    }
}
