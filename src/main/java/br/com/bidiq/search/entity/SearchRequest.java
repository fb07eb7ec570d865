package br.com.bidiq.search.entity;

import br.com.bidiq.filtering.entity.Ordenacao;
import br.com.bidiq.filtering.entity.StatusLicitacao;
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
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * POST /api/buscar: what to search (field names as the reference system's BuscaRequest). The rules that span
 * fields are checked by {@code search.control.SearchValidation}.
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
        String dataInicial,

        @JsonbProperty("data_final")
        @Pattern(regexp = ISO_DATE, message = "Data final inválida: use o formato AAAA-MM-DD")
        String dataFinal,

        @JsonbProperty("setor_id") @Size(max = 50, message = "Setor inválido")
        String setorId,

        @JsonbProperty("termos_busca")
        @Size(max = MAX_TERMS_CHARS, message = "Termos de busca: no máximo 5.000 caracteres")
        String termosBusca,

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
                modalidades,

        @JsonbProperty("valor_minimo")
        @PositiveOrZero(message = "O valor mínimo não pode ser negativo")
        @DecimalMax(value = MAX_AMOUNT, message = "O valor mínimo deve ser no máximo R$ 10.000.000.000.000,00")
        @Digits(integer = 14, fraction = 2, message = "O valor mínimo aceita no máximo 2 casas decimais")
        BigDecimal valorMinimo,

        @JsonbProperty("valor_maximo")
        @PositiveOrZero(message = "O valor máximo não pode ser negativo")
        @DecimalMax(value = MAX_AMOUNT, message = "O valor máximo deve ser no máximo R$ 10.000.000.000.000,00")
        @Digits(integer = 14, fraction = 2, message = "O valor máximo aceita no máximo 2 casas decimais")
        BigDecimal valorMaximo,

        @JsonbProperty("esferas") @Size(max = 5, message = "No máximo 5 esferas (F, E, M, D, N)")
        List<
                        @NotNull
                        @Pattern(
                                regexp = "[FEMDN]",
                                flags = Pattern.Flag.CASE_INSENSITIVE,
                                message = "Esfera inválida: use F, E, M, D ou N")
                        String>
                esferas,

        @JsonbProperty("municipios") @Size(max = 500, message = "No máximo 500 municípios")
        List<
                        @NotNull
                        @Pattern(regexp = "\\d{7}", message = "Município inválido: use o código IBGE de 7 dígitos")
                        String>
                municipios,

        @JsonbProperty("orgaos") @Size(max = 100, message = "No máximo 100 órgãos")
        List<@NotBlank(message = "Órgão vazio") @Size(max = 200, message = "Órgão com mais de 200 caracteres") String>
                orgaos,

        @JsonbProperty("ordenacao")
        @Pattern(
                regexp = "data_desc|data_asc|valor_desc|valor_asc|prazo_asc|relevancia",
                message = "Ordenação inválida: use data_desc, data_asc, valor_desc, valor_asc, prazo_asc ou"
                        + " relevancia")
        String ordenacao,

        @JsonbProperty("fonte")
        @Pattern(regexp = "auto|indice|pncp", message = "Fonte inválida: use auto (padrão), indice ou pncp")
        String fonte,

        @JsonbProperty("somente_abertas") Boolean somenteAbertas) {

    public static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    public static final String UFS = "AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO";
    /** R$ 10 trillion: above every real notice (the largest PNCP ones are in the tens of billions). */
    public static final String MAX_AMOUNT = "10000000000000";

    public static final int MAX_TERMS = 50;
    public static final int MAX_TERM_CHARS = 100;
    public static final int MAX_TERMS_CHARS = 5_000;
    public static final String ISO_DATE = "\\d{4}-\\d{2}-\\d{2}";
    public static final String DEFAULT_SECTOR = "vestuario";
    public static final List<Integer> DEFAULT_MODALIDADES = List.of(6);

    /** Upper-case, de-duplicated UFs in the order given. */
    public List<String> ufList() {
        return List.copyOf(new LinkedHashSet<>(
                ufs.stream().map(u -> u.toUpperCase(Locale.ROOT)).toList()));
    }

    /** The first publication day, or null ("abertas agora" without dates). */
    public LocalDate inicio() {
        return dataInicial == null || dataInicial.isBlank() ? null : LocalDate.parse(dataInicial);
    }

    /** The last publication day, or null ("abertas agora" without dates). */
    public LocalDate fim() {
        return dataFinal == null || dataFinal.isBlank() ? null : LocalDate.parse(dataFinal);
    }

    public Fonte source() {
        return fonte == null ? Fonte.AUTO : Fonte.fromWire(fonte);
    }

    /** "Abertas agora": every indexed notice whose proposal deadline is still ahead, whatever its publication day. */
    public boolean abertasAgora() {
        return Boolean.TRUE.equals(somenteAbertas);
    }

    public String sector() {
        return setorId == null || setorId.isBlank() ? DEFAULT_SECTOR : setorId;
    }

    public StatusLicitacao statusFilter() {
        if (status == null) {
            return abertasAgora() ? StatusLicitacao.RECEBENDO_PROPOSTA : StatusLicitacao.TODOS;
        }
        return StatusLicitacao.fromWire(status).orElseThrow();
    }

    public List<Integer> modalidadeList() {
        return modalidades == null || modalidades.isEmpty()
                ? DEFAULT_MODALIDADES
                : List.copyOf(new LinkedHashSet<>(modalidades));
    }

    public Ordenacao ordering() {
        return ordenacao == null
                ? Ordenacao.DATA_DESC
                : Ordenacao.fromWire(ordenacao).orElseThrow();
    }

    public boolean showAll() {
        return Boolean.TRUE.equals(showAllMatches);
    }

    /**
     * The request as it is kept and compared (a repeated search_id must repeat the search): codes in one case, lists
     * without repeats, texts trimmed, blank texts and empty optional lists absent, amounts with 2 decimals. Call it
     * only on a valid request (amounts already bounded).
     */
    public SearchRequest normalized() {
        return new SearchRequest(
                lower(searchId),
                ufList(),
                text(dataInicial),
                text(dataFinal),
                lower(setorId),
                text(termosBusca),
                showAllMatches,
                distinct(exclusionTerms, false),
                lower(status),
                modalidades == null || modalidades.isEmpty() ? null : List.copyOf(new LinkedHashSet<>(modalidades)),
                amount(valorMinimo),
                amount(valorMaximo),
                distinct(esferas, true),
                distinct(municipios, false),
                distinct(orgaos, false),
                lower(ordenacao),
                lower(fonte),
                somenteAbertas);
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
                dataInicial,
                dataFinal,
                setorId,
                termosBusca,
                showAllMatches,
                exclusionTerms,
                status,
                modalidades,
                valorMinimo,
                valorMaximo,
                esferas,
                municipios,
                orgaos,
                ordenacao,
                fonte,
                somenteAbertas);
    }
}
