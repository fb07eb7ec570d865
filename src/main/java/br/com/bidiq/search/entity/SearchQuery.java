package br.com.bidiq.search.entity;

import br.com.bidiq.filtering.entity.Ordenacao;
import br.com.bidiq.filtering.entity.StatusLicitacao;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What a search runs on: a valid {@link SearchRequest} with its defaults applied (sector, modalities, status, order,
 * source) and its texts parsed. The optional lists stay null when the request left them out, because "absent" and
 * "empty" differ for exclusion terms (absent means the sector's own).
 *
 * @param from first publication day, or null for "abertas agora" without dates
 * @param to last publication day, or null for "abertas agora" without dates
 * @param openOnly "abertas agora": every indexed notice whose proposal deadline is still ahead
 */
public record SearchQuery(
        String searchId,
        List<String> ufs,
        LocalDate from,
        LocalDate to,
        String sectorId,
        String terms,
        boolean showAllMatches,
        List<String> exclusionTerms,
        StatusLicitacao status,
        List<Integer> modalities,
        BigDecimal minValue,
        BigDecimal maxValue,
        List<String> spheres,
        List<String> municipalities,
        List<String> agencies,
        Ordenacao ordering,
        Fonte source,
        boolean openOnly) {

    public static final String DEFAULT_SECTOR = "vestuario";
    public static final List<Integer> DEFAULT_MODALITIES = List.of(6);

    static SearchQuery of(SearchRequest r) {
        boolean openOnly = Boolean.TRUE.equals(r.openOnly());
        return new SearchQuery(
                r.searchId(),
                distinctUpper(r.ufs()),
                day(r.startDate()),
                day(r.endDate()),
                r.sectorId() == null || r.sectorId().isBlank() ? DEFAULT_SECTOR : r.sectorId(),
                r.terms(),
                Boolean.TRUE.equals(r.showAllMatches()),
                r.exclusionTerms(),
                status(r.status(), openOnly),
                r.modalities() == null || r.modalities().isEmpty()
                        ? DEFAULT_MODALITIES
                        : List.copyOf(new LinkedHashSet<>(r.modalities())),
                r.minValue(),
                r.maxValue(),
                r.spheres(),
                r.municipalities(),
                r.agencies(),
                r.ordering() == null
                        ? Ordenacao.DATA_DESC
                        : Ordenacao.fromWire(r.ordering()).orElseThrow(),
                r.source() == null ? Fonte.AUTO : Fonte.fromWire(r.source()),
                openOnly);
    }

    /** The status asked for; unset, "abertas agora" means receiving proposals, otherwise any status. */
    private static StatusLicitacao status(String wire, boolean openOnly) {
        if (wire != null) {
            return StatusLicitacao.fromWire(wire).orElseThrow();
        }
        return openOnly ? StatusLicitacao.RECEBENDO_PROPOSTA : StatusLicitacao.TODOS;
    }

    /** Upper-case, de-duplicated codes in the order given. */
    static List<String> distinctUpper(List<String> codes) {
        return List.copyOf(new LinkedHashSet<>(
                codes.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList()));
    }

    private static LocalDate day(String iso) {
        return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
    }
}
