package br.com.bidiq.report.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the second sheet of the report records about the search that produced it. Both dates are null for
 * "abertas agora" (any publication day); {@code fonte} says where the notices came from and how fresh they are.
 */
public record ReportParameters(String sectorName, List<String> ufs, LocalDate dataInicial, LocalDate dataFinal,
                               String status, List<Integer> modalidades, BigDecimal valorMinimo,
                               BigDecimal valorMaximo, String termosBusca, String ordenacao, int totalRaw,
                               int failedUnits, LocalDateTime generatedAt, String fonte) {
}
