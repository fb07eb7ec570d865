package br.com.bidiq.filtering.control;

import br.com.bidiq.pncp.entity.PncpRecord;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Builds records for edge cases the real samples do not have (null dates, zero values). */
final class Records {

    private Records() {}

    static PncpRecord of(
            String id,
            String objeto,
            String uf,
            BigDecimal valor,
            LocalDateTime publicacao,
            LocalDateTime abertura,
            LocalDateTime encerramento,
            String situacao) {
        return new PncpRecord(
                id,
                objeto,
                "12345678000199",
                "MUNICIPIO DE TESTE",
                "M",
                uf,
                "Cidade",
                "4205407",
                "PREFEITURA",
                valor,
                null,
                6,
                "Pregão - Eletrônico",
                situacao,
                publicacao,
                abertura,
                encerramento,
                publicacao,
                null,
                null,
                2026,
                1,
                1);
    }
}
