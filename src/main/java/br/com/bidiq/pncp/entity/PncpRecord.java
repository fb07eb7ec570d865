package br.com.bidiq.pncp.entity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One purchase ("contratação") as PNCP publishes it, flattened to what BidIQ uses.
 * Datetimes are PNCP's naive Brasília local times; text is trimmed and whitespace-collapsed.
 */
public record PncpRecord(
        String numeroControlePncp,
        String objeto,
        String orgaoCnpj,
        String orgaoRazaoSocial,
        String esferaId,
        String uf,
        String municipio,
        String codigoIbge,
        String nomeUnidade,
        BigDecimal valorTotalEstimado,
        BigDecimal valorTotalHomologado,
        int modalidadeId,
        String modalidadeNome,
        String situacaoCompraNome,
        LocalDateTime dataPublicacao,
        LocalDateTime dataAbertura,
        LocalDateTime dataEncerramento,
        LocalDateTime dataAtualizacaoGlobal,
        String linkSistemaOrigem,
        String linkProcessoEletronico,
        Integer anoCompra,
        Integer sequencialCompra,
        Integer situacaoCompraId) {

    /** At most 4 decimals (what the index stores), without trailing zeros: every source gives the same value. */
    public PncpRecord {
        valorTotalEstimado = canonical(valorTotalEstimado);
        valorTotalHomologado = canonical(valorTotalHomologado);
    }

    private static BigDecimal canonical(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal rounded = v.scale() > 4 ? v.setScale(4, java.math.RoundingMode.HALF_UP) : v;
        BigDecimal stripped = rounded.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The newer of two publications of the same purchase (PNCP republishes). */
    public PncpRecord newest(PncpRecord other) {
        if (other == null) {
            return this;
        }
        if (dataAtualizacaoGlobal == null) {
            return other;
        }
        if (other.dataAtualizacaoGlobal == null) {
            return this;
        }
        return other.dataAtualizacaoGlobal.isAfter(dataAtualizacaoGlobal) ? other : this;
    }

    public BigDecimal valorOuZero() {
        return valorTotalEstimado == null ? BigDecimal.ZERO : valorTotalEstimado;
    }
}
