package br.com.bidiq.filtering.entity;

import java.util.Arrays;
import java.util.Optional;

/** The tender status a user filters by, inferred from PNCP data (PNCP has no "open" flag). */
public enum StatusLicitacao {
    RECEBENDO_PROPOSTA("recebendo_proposta"),
    EM_JULGAMENTO("em_julgamento"),
    ENCERRADA("encerrada"),
    TODOS("todos");

    private final String wire;

    StatusLicitacao(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<StatusLicitacao> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
