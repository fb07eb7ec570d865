package br.com.bidiq.search.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.platform.ErrorMappers;
import br.com.bidiq.search.control.SearchValidation;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SearchRequestValidationTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final Jsonb JSONB = JsonbBuilder.create();

    static Map<String, String> violations(String json) {
        SearchRequest r = JSONB.fromJson(json, SearchRequest.class);
        Set<ConstraintViolation<SearchValidation.Checked>> v = SearchValidation.violations(VALIDATOR, r);
        Map<String, String> byField = new TreeMap<>();
        v.forEach(c -> byField.merge(ErrorMappers.jsonName(c), c.getMessage(), (a, b) -> a + " | " + b));
        return byField;
    }

    @Test
    void aGoodRequestPassesAndGetsDefaults() {
        SearchRequest r = JSONB.fromJson(
                "{\"ufs\":[\"sp\",\"SP\",\"rj\"],\"data_inicial\":\"2026-11-01\"," + "\"data_final\":\"2026-11-28\"}",
                SearchRequest.class);
        assertTrue(SearchValidation.violations(VALIDATOR, r).isEmpty());
        assertEquals(java.util.List.of("SP", "RJ"), r.query().ufs());
        assertEquals("vestuario", r.query().sectorId());
        assertEquals(java.util.List.of(6), r.query().modalities());
        assertEquals("data_desc", r.query().ordering().wire());
        assertEquals("todos", r.query().status().wire());
    }

    @Test
    void eachBadFieldGetsItsPortugueseMessage() {
        Map<String, String> v = violations("{\"ufs\":[\"XX\"],\"data_inicial\":\"2026-13-01\","
                + "\"data_final\":\"01/02/2026\",\"setor_id\":\"naoexiste\",\"modalidades\":[0,15],"
                + "\"valor_minimo\":-1,\"status\":\"aberta\",\"ordenacao\":\"preco\",\"search_id\":\"x\"}");
        assertTrue(v.get("ufs").startsWith("UF inválida"), v.toString());
        assertTrue(v.get("data_inicial").contains("inexistente"), v.toString());
        assertTrue(v.get("data_final").contains("AAAA-MM-DD"), v.toString());
        assertTrue(v.get("setor_id").startsWith("Setor desconhecido"), v.toString());
        assertTrue(v.get("modalidades").contains("1 a 14"), v.toString());
        assertTrue(v.get("valor_minimo").contains("negativo"), v.toString());
        assertTrue(v.get("status").startsWith("Status inválido"), v.toString());
        assertTrue(v.get("ordenacao").startsWith("Ordenação inválida"), v.toString());
        assertTrue(v.get("search_id").contains("UUID"), v.toString());
    }

    @Test
    void datesMustBeInOrderAndWithinTheMaximumRange() {
        assertEquals(
                "Data inicial deve ser anterior ou igual à data final",
                violations("{\"ufs\":[\"SP\"],\"data_inicial\":\"2026-02-01\",\"data_final\":\"2026-01-01\"}")
                        .get("data_final"));
        assertTrue(violations("{\"ufs\":[\"SP\"],\"data_inicial\":\"2025-01-01\",\"data_final\":\"2026-01-02\"}")
                .get("data_final")
                .contains("366 dias"));
        assertTrue(violations("{\"ufs\":[\"SP\"],\"data_inicial\":\"2025-01-01\",\"data_final\":\"2025-12-31\"}")
                .isEmpty());
    }

    @Test
    void datesInTheFutureAreRefused() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Sao_Paulo"));
        Map<String, String> v = violations("{\"ufs\":[\"SP\"],\"data_inicial\":\"" + today.plusDays(1)
                + "\",\"data_final\":\"" + today.plusDays(3) + "\"}");
        assertTrue(v.get("data_inicial").startsWith("A data inicial não pode estar no futuro"), v.toString());
        assertTrue(v.get("data_final").startsWith("A data final não pode estar no futuro"), v.toString());
        assertTrue(violations("{\"ufs\":[\"SP\"],\"data_inicial\":\"" + today.minusDays(7) + "\",\"data_final\":\""
                        + today + "\"}")
                .isEmpty());
    }

    @Test
    void valueBoundsAndTerms() {
        Map<String, String> v = violations(
                "{\"ufs\":[\"SP\"],\"data_inicial\":\"2026-01-01\","
                        + "\"data_final\":\"2026-01-02\",\"valor_minimo\":100,\"valor_maximo\":10,\"termos_busca\":\"de, pó\"}");
        assertTrue(v.get("valor_maximo").contains("maior ou igual"), v.toString());
        assertTrue(v.get("termos_busca").startsWith("Nenhum termo válido"), v.toString());
    }

    @Test
    void datesAreRequiredExceptForAbertasAgora() {
        Map<String, String> v = violations("{\"ufs\":[\"SP\"]}");
        assertEquals("Informe a data inicial (AAAA-MM-DD)", v.get("data_inicial"));
        assertEquals("Informe a data final (AAAA-MM-DD)", v.get("data_final"));

        SearchRequest open = JSONB.fromJson("{\"ufs\":[\"SP\"],\"somente_abertas\":true}", SearchRequest.class);
        assertTrue(SearchValidation.violations(VALIDATOR, open).isEmpty());
        assertTrue(open.query().openOnly());
        assertEquals("recebendo_proposta", open.query().status().wire());
        assertEquals(Fonte.AUTO, open.query().source());
        assertEquals(null, open.query().from());
    }

    @Test
    void abertasAgoraIsAnsweredByTheIndexAndOnlyForOpenTenders() {
        Map<String, String> v = violations("{\"ufs\":[\"SP\"],\"somente_abertas\":true,\"fonte\":\"pncp\","
                + "\"status\":\"encerrada\",\"data_inicial\":\"2026-01-01\"}");
        assertTrue(v.get("fonte").contains("índice local"), v.toString());
        assertTrue(v.get("status").contains("recebendo_proposta"), v.toString());
        assertTrue(v.get("data_final").contains("duas datas"), v.toString());
        assertTrue(violations("{\"ufs\":[\"SP\"],\"somente_abertas\":true,\"fonte\":\"indice\","
                        + "\"status\":\"recebendo_proposta\"}")
                .isEmpty());
        assertTrue(violations("{\"ufs\":[\"SP\"],\"data_inicial\":\"2026-01-01\",\"data_final\":\"2026-01-02\","
                        + "\"fonte\":\"local\"}")
                .get("fonte")
                .startsWith("Fonte inválida"));
    }

    static final String DATES = "\"data_inicial\":\"2026-11-01\",\"data_final\":\"2026-11-28\"";

    @Test
    void everyListAndTextHasACap() {
        String sixEsferas = "[\"F\",\"E\",\"M\",\"D\",\"N\",\"F\"]";
        String manyTerms = java.util.stream.IntStream.range(0, 51)
                .mapToObj(i -> "termo" + i)
                .collect(java.util.stream.Collectors.joining(", "));
        Map<String, String> v = violations("{\"ufs\":[\"SP\"]," + DATES + ",\"esferas\":" + sixEsferas
                + ",\"termos_busca\":\"" + manyTerms + "\"}");
        assertTrue(v.get("esferas").contains("No máximo 5"), v.toString());
        assertTrue(v.get("termos_busca").contains("No máximo 50 termos"), v.toString());

        Map<String, String> longTerm =
                violations("{\"ufs\":[\"SP\"]," + DATES + ",\"termos_busca\":\"jaleco, " + "a".repeat(101) + "\"}");
        assertTrue(longTerm.get("termos_busca").contains("100 caracteres"), longTerm.toString());
        Map<String, String> longText =
                violations("{\"ufs\":[\"SP\"]," + DATES + ",\"termos_busca\":\"" + "jaleco ".repeat(800) + "\"}");
        assertTrue(longText.get("termos_busca").contains("5.000 caracteres"), longText.toString());
    }

    @Test
    void amountsAreBoundedToTenTrillionWithTwoDecimals() {
        assertTrue(violations("{\"ufs\":[\"SP\"]," + DATES + ",\"valor_maximo\":10000000000000}")
                .isEmpty());
        assertTrue(violations("{\"ufs\":[\"SP\"]," + DATES + ",\"valor_maximo\":10000000000000.01}")
                .get("valor_maximo")
                .contains("10.000.000.000.000,00"));
        assertTrue(violations("{\"ufs\":[\"SP\"]," + DATES + ",\"valor_minimo\":1.005}")
                .get("valor_minimo")
                .contains("2 casas decimais"));
        assertTrue(
                violations("{\"ufs\":[\"SP\"]," + DATES + ",\"valor_minimo\":1E+10000000}")
                        .get("valor_minimo")
                        .contains("no máximo"),
                "an absurd exponent is refused without being written out");
    }

    @Test
    void yearsBeforePncpAreRefused() {
        Map<String, String> v =
                violations("{\"ufs\":[\"SP\"],\"data_inicial\":\"0000-01-01\"," + "\"data_final\":\"2026-11-28\"}");
        assertTrue(v.get("data_inicial").contains("2021"), v.toString());
    }

    @Test
    void theNormalisedRequestIsWhatTwoSpellingsOfOneSearchShare() {
        SearchRequest a = JSONB.fromJson(
                "{\"ufs\":[\"sp\",\"RJ\",\"SP\"]," + DATES + ",\"esferas\":[\"m\"],"
                        + "\"valor_minimo\":1000,\"modalidades\":[6,6,8],\"termos_busca\":\"  jaleco \",\"orgaos\":[],"
                        + "\"setor_id\":\"Vestuario\"}",
                SearchRequest.class);
        SearchRequest b = JSONB.fromJson(
                "{\"ufs\":[\"SP\",\"RJ\"]," + DATES + ",\"esferas\":[\"M\"],"
                        + "\"valor_minimo\":1000.00,\"modalidades\":[6,8],\"termos_busca\":\"jaleco\","
                        + "\"setor_id\":\"vestuario\"}",
                SearchRequest.class);
        assertEquals(a.normalized(), b.normalized());
        assertEquals(
                b.normalized(),
                JSONB.fromJson(JSONB.toJson(b.normalized()), SearchRequest.class),
                "stored as JSON (Redis) and read back, it is still equal");
        SearchRequest other = JSONB.fromJson("{\"ufs\":[\"SP\"]," + DATES + "}", SearchRequest.class);
        assertTrue(!other.normalized().equals(a.normalized()));
    }
}
