package br.com.bidiq.pncp.entity;

import java.util.Arrays;
import java.util.Optional;

/** PNCP's own modality codes ("codigoModalidadeContratacao"), as the consulta API accepts them. */
public enum Modalidade {
    LEILAO_ELETRONICO(1, "Leilão - Eletrônico"),
    DIALOGO_COMPETITIVO(2, "Diálogo Competitivo"),
    CONCURSO(3, "Concurso"),
    CONCORRENCIA_ELETRONICA(4, "Concorrência - Eletrônica"),
    CONCORRENCIA_PRESENCIAL(5, "Concorrência - Presencial"),
    PREGAO_ELETRONICO(6, "Pregão - Eletrônico"),
    PREGAO_PRESENCIAL(7, "Pregão - Presencial"),
    DISPENSA(8, "Dispensa"),
    INEXIGIBILIDADE(9, "Inexigibilidade"),
    MANIFESTACAO_DE_INTERESSE(10, "Manifestação de Interesse"),
    PRE_QUALIFICACAO(11, "Pré-qualificação"),
    CREDENCIAMENTO(12, "Credenciamento"),
    LEILAO_PRESENCIAL(13, "Leilão - Presencial"),
    INAPLICABILIDADE(14, "Inaplicabilidade da Licitação");

    private final int code;
    private final String label;

    Modalidade(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Modalidade> of(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst();
    }
}
