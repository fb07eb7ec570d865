package br.com.bidiq.search.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * POST /api/buscar as it arrives: wire names (Portuguese, as the reference system's BuscaRequest) on the JSON,
 * English component names in Java, texts as sent. {@link #query()} is the typed view the search runs on; the rules that
 * span fields are checked by {@code search.control.SearchValidation}.
 */
public record SearchRequest(
        @JsonbProperty("search_id")
        @Pattern(regexp = UUID, message = "search_id deve ser um UUID (ex.: 3f2b8c1e-9d4a-4e5b-8f6a-1b2c3d4e5f60)")
        String searchId,

        @JsonbProperty("ufs")
        @NotEmpty(message = "Selecione ao menos uma UF")
        @Size(max = 27, message = "No máximo 27 UFs")
        List<
                        @NotNull(message = "UF vazia")
                        @Pattern(
                                regexp = UFS,
                                flags = Pattern.Flag.CASE_INSENSITIVE,
                                message = "UF inválida: use uma das 27 siglas (ex.: SP, RJ, DF)")
                        String>
                ufs,

        @JsonbProperty("data_inicial")
        @Pattern(regexp = ISO_DATE, message = "Data inicial inválida: use o formato AAAA-MM-DD")
        String startDate,

        @JsonbProperty("data_final")
        @Pattern(regexp = ISO_DATE, message = "Data final inválida: use o formato AAAA-MM-DD")
        String endDate,

        @JsonbProperty("setor_id") @Size(max = 50, message = "Setor inválido")
        String sectorId,

        @JsonbProperty("termos_busca")
        @Size(max = MAX_TERMS_CHARS, message = "Termos de busca: no máximo 5.000 caracteres")
        String terms,

        @JsonbProperty("show_all_matches") Boolean showAllMatches,

        @JsonbProperty("exclusion_terms") @Size(max = 100, message = "No máximo 100 termos de exclusão")
        List<
                        @NotBlank(message = "Termo de exclusão vazio")
                        @Size(max = 100, message = "Termo de exclusão com mais de 100 caracteres") String>
                exclusionTerms,

        @JsonbProperty("status")
        @Pattern(
                regexp = "recebendo_proposta|em_julgamento|encerrada|todos",
                message = "Status inválido: use recebendo_proposta, em_julgamento, encerrada ou todos")
        String status,

        @JsonbProperty("modalidades") @Size(max = 14, message = "No máximo 14 modalidades")
        List<
                        @NotNull(message = "Modalidade vazia")
                        @Min(value = 1, message = "Modalidade inválida: use os códigos do PNCP de 1 a 14")
                        @Max(value = 14, message = "Modalidade inválida: use os códigos do PNCP de 1 a 14") Integer>
                modalities,

        @JsonbProperty("valor_minimo")
        @PositiveOrZero(message = "O valor mínimo não pode ser negativo")
        @DecimalMax(value = MAX_AMOUNT, message = "O valor mínimo deve ser no máximo R$ 10.000.000.000.000,00")
        @Digits(integer = 14, fraction = 2, message = "O valor mínimo aceita no máximo 2 casas decimais")
        BigDecimal minValue,

        @JsonbProperty("valor_maximo")
        @PositiveOrZero(message = "O valor máximo não pode ser negativo")
        @DecimalMax(value = MAX_AMOUNT, message = "O valor máximo deve ser no máximo R$ 10.000.000.000.000,00")
        @Digits(integer = 14, fraction = 2, message = "O valor máximo aceita no máximo 2 casas decimais")
        BigDecimal maxValue,

        @JsonbProperty("esferas") @Size(max = 5, message = "No máximo 5 esferas (F, E, M, D, N)")
        List<
                        @NotNull
                        @Pattern(
                                regexp = "[FEMDN]",
                                flags = Pattern.Flag.CASE_INSENSITIVE,
                                message = "Esfera inválida: use F, E, M, D ou N")
                        String>
                spheres,

        @JsonbProperty("municipios") @Size(max = 500, message = "No máximo 500 municípios")
        List<
                        @NotNull
                        @Pattern(regexp = "\\d{7}", message = "Município inválido: use o código IBGE de 7 dígitos")
                        String>
                municipalities,

        @JsonbProperty("orgaos") @Size(max = 100, message = "No máximo 100 órgãos")
        List<@NotBlank(message = "Órgão vazio") @Size(max = 200, message = "Órgão com mais de 200 caracteres") String>
                agencies,

        @JsonbProperty("ordenacao")
        @Pattern(
                regexp = "data_desc|data_asc|valor_desc|valor_asc|prazo_asc|relevancia",
                message = "Ordenação inválida: use data_desc, data_asc, valor_desc, valor_asc, prazo_asc ou"
                        + " relevancia")
        String ordering,

        @JsonbProperty("fonte")
        @Pattern(regexp = "auto|indice|pncp", message = "Fonte inválida: use auto (padrão), indice ou pncp")
        String source,

        @JsonbProperty("somente_abertas") Boolean openOnly) {

    public static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    public static final String UFS = "AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO";
    /** R$ 10 trillion: above every real notice (the largest PNCP ones are in the tens of billions). */
    public static final String MAX_AMOUNT = "10000000000000";

    public static final int MAX_TERMS = 50;
    public static final int MAX_TERM_CHARS = 100;
    public static final int MAX_TERMS_CHARS = 5_000;
    public static final String ISO_DATE = "\\d{4}-\\d{2}-\\d{2}";

    /** The request with its defaults applied and its texts parsed; call it only on a valid request. */
    public SearchQuery query() {
        return SearchQuery.of(this);
    }

    /**
     * The request as it is kept and compared (a repeated search_id must repeat the search): codes in one case, lists
     * without repeats, texts trimmed, blank texts and empty optional lists absent, amounts with 2 decimals. Call it
     * only on a valid request (amounts already bounded).
     */
    public SearchRequest normalized() {
        return new SearchRequest(
                lower(searchId),
                SearchQuery.distinctUpper(ufs),
                text(startDate),
                text(endDate),
                lower(sectorId),
                text(terms),
                showAllMatches,
                distinct(exclusionTerms, false),
                lower(status),
                modalities == null || modalities.isEmpty() ? null : List.copyOf(new LinkedHashSet<>(modalities)),
                amount(minValue),
                amount(maxValue),
                distinct(spheres, true),
                distinct(municipalities, false),
                distinct(agencies, false),
                lower(ordering),
                lower(source),
                openOnly);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String lower(String s) {
        String t = text(s);
        return t == null ? null : t.toLowerCase(Locale.ROOT);
    }

    private static List<String> distinct(List<String> values, boolean upper) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String v : values) {
            String t = text(v);
            if (t != null) {
                seen.add(upper ? t.toUpperCase(Locale.ROOT) : t);
            }
        }
        return seen.isEmpty() ? null : List.copyOf(seen);
    }

    private static BigDecimal amount(BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    public SearchRequest withSearchId(String id) {
        return new SearchRequest(
                id,
                ufs,
                startDate,
                endDate,
                sectorId,
                terms,
                showAllMatches,
                exclusionTerms,
                status,
                modalities,
                minValue,
                maxValue,
                spheres,
                municipalities,
                agencies,
                ordering,
                source,
                openOnly);
    }
}
