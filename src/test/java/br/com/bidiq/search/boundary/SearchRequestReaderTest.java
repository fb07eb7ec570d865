package br.com.bidiq.search.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.platform.ErrorBody;
import br.com.bidiq.search.entity.SearchRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchRequestReaderTest {

    static final String DATES = "\"data_inicial\":\"2026-11-01\",\"data_final\":\"2026-11-28\"";

    static SearchRequest read(byte[] body) throws IOException {
        return new SearchRequestReader()
                .readFrom(
                        SearchRequest.class,
                        SearchRequest.class,
                        new Annotation[0],
                        MediaType.APPLICATION_JSON_TYPE,
                        new MultivaluedHashMap<>(),
                        new ByteArrayInputStream(body));
    }

    static SearchRequest read(String body) throws IOException {
        return read(body.getBytes(StandardCharsets.UTF_8));
    }

    static WebApplicationException refused(String body) {
        return assertThrows(WebApplicationException.class, () -> read(body));
    }

    static ErrorBody error(WebApplicationException e) {
        return (ErrorBody) e.getResponse().getEntity();
    }

    @Test
    void readsAGoodBody() throws IOException {
        SearchRequest r = read("{\"ufs\":[\"SP\"]," + DATES + ",\"modalidades\":[6,8],\"show_all_matches\":true,"
                + "\"valor_minimo\":1500.50,\"desconhecido\":{\"a\":[1,2]}}");
        assertEquals(List.of("SP"), r.ufs());
        assertEquals(List.of(6, 8), r.modalities());
        assertEquals(new java.math.BigDecimal("1500.50"), r.minValue());
        assertNull(read("  "), "an empty body is the resource's @NotNull message");
    }

    @Test
    void aBodyOverSixteenKilobytesIs413() {
        String big = "{\"ufs\":[\"SP\"]," + DATES + ",\"termos_busca\":\"" + "a".repeat(17_000) + "\"}";
        assertEquals(413, refused(big).getResponse().getStatus());
        assertTrue(error(refused(big)).erro().contains("16 KB"));
    }

    @Test
    void aHundredThousandDigitAmountIsRefusedInUnderFiftyMilliseconds() {
        String digits = "9".repeat(100_000);
        String body = "{\"ufs\":[\"SP\"]," + DATES + ",\"valor_minimo\":" + digits + "}";
        refused(body); // warm-up: class loading is not the request's cost
        long t0 = System.nanoTime();
        WebApplicationException e = refused(body);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(413, e.getResponse().getStatus());
        assertTrue(ms < 50, ms + " ms");
        // Within the size cap, a number longer than any amount is refused before it is converted.
        WebApplicationException small =
                refused("{\"ufs\":[\"SP\"]," + DATES + ",\"valor_minimo\":" + "9".repeat(5_000) + "}");
        assertEquals(422, small.getResponse().getStatus());
        assertTrue(error(small).campos().get("valor_minimo").get(0).contains("limite"));
    }

    @Test
    void noCoercion() {
        WebApplicationException fraction = refused("{\"ufs\":[\"SP\"]," + DATES + ",\"modalidades\":[1.5]}");
        assertEquals(422, fraction.getResponse().getStatus());
        assertTrue(error(fraction).campos().get("modalidades").get(0).contains("inteiros"));

        WebApplicationException yes = refused("{\"ufs\":[\"SP\"]," + DATES + ",\"show_all_matches\":\"yes\"}");
        assertEquals(422, yes.getResponse().getStatus());
        assertTrue(error(yes).campos().get("show_all_matches").get(0).contains("true ou false"));

        WebApplicationException quoted = refused("{\"ufs\":[\"SP\"]," + DATES + ",\"valor_minimo\":\"1000\"}");
        assertEquals(422, quoted.getResponse().getStatus());

        WebApplicationException notAList = refused("{\"ufs\":\"SP\"," + DATES + "}");
        assertEquals(422, notAList.getResponse().getStatus());
        assertTrue(error(notAList).campos().containsKey("ufs"));
    }

    @Test
    void repeatedKeysAreRefusedAtAnyDepth() {
        WebApplicationException top = refused("{\"ufs\":[\"SP\"],\"ufs\":[\"RJ\"]," + DATES + "}");
        assertEquals(400, top.getResponse().getStatus());
        assertTrue(error(top).erro().contains("Campo repetido no JSON: ufs"));
        assertEquals(
                400,
                refused("{\"ufs\":[\"SP\"]," + DATES + ",\"x\":{\"a\":1,\"a\":2}}")
                        .getResponse()
                        .getStatus());
    }

    @Test
    void invalidUtf8AndBrokenJsonAre400() {
        byte[] latin1 = ("{\"ufs\":[\"SP\"]," + DATES + ",\"termos_busca\":\"confec\u00e7\u00e3o\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> read(latin1));
        assertEquals(400, e.getResponse().getStatus());
        assertTrue(error(e).erro().contains("UTF-8"));
        assertEquals(400, refused("{\"ufs\":[\"SP\"],").getResponse().getStatus());
        assertEquals(400, refused("[1,2]").getResponse().getStatus());
        assertEquals(400, refused("{\"ufs\":[[[[[[\"SP\"]]]]]]}").getResponse().getStatus());
    }
}
