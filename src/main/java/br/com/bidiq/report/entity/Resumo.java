package br.com.bidiq.report.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * The executive summary of a search ("ResumoLicitacoes"). {@code valorTotal} adds up only the disclosed values;
 * {@code semValor} counts the notices whose value is undisclosed (sigiloso) or not informed, left out of it.
 */
@JsonbPropertyOrder({"resumoExecutivo", "totalOportunidades", "valorTotal", "semValor", "destaques", "alertaUrgencia"})
public record Resumo(
        @JsonbProperty("resumo_executivo") String resumoExecutivo,
        @JsonbProperty("total_oportunidades") int totalOportunidades,
        @JsonbProperty("valor_total") BigDecimal valorTotal,
        @JsonbProperty("sem_valor") int semValor,
        @JsonbProperty("destaques") List<String> destaques,
        @JsonbProperty("alerta_urgencia") String alertaUrgencia) {}
