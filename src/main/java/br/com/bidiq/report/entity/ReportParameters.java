package br.com.bidiq.report.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the report records about the search that produced it, in words: {@code searchName} is the sector's name or
 * the user's own terms ("Termos: jaleco, avental"); {@code sectorName} is null when the user's terms replaced the
 * sector's. Both dates are null for "abertas agora" (any publication day); {@code fonte} says where the notices came
 * from and how fresh they are; {@code otherFilters} lists esfera, município, órgão and exclusion filters, one per line.
 */
public record ReportParameters(
        String searchName,
        String sectorName,
        List<String> ufs,
        LocalDate dataInicial,
        LocalDate dataFinal,
        String status,
        List<String> modalidades,
        BigDecimal valorMinimo,
        BigDecimal valorMaximo,
        String termosBusca,
        String ordenacao,
        List<String> otherFilters,
        int totalRaw,
        int failedUnits,
        LocalDateTime generatedAt,
        String fonte) {

    public ReportParameters {
        ufs = List.copyOf(ufs);
        modalidades = List.copyOf(modalidades);
        otherFilters = otherFilters == null ? List.of() : List.copyOf(otherFilters);
    }
}
