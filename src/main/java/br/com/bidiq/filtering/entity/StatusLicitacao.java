package br.com.bidiq.filtering.entity;

import java.util.Arrays;
import java.util.Optional;

/** The tender status a user filters by, inferred from PNCP data (PNCP has no "open" flag). */
public enum StatusLicitacao {
    RECEBENDO_PROPOSTA("recebendo_proposta", "Recebendo propostas"),
    EM_JULGAMENTO("em_julgamento", "Em julgamento"),
    ENCERRADA("encerrada", "Encerrada"),
    TODOS("todos", "Todas");

    private final String wire;
    private final String label;

    StatusLicitacao(String wire, String label) {
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

    public static Optional<StatusLicitacao> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
