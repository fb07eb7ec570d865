package br.com.bidiq.filtering.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import br.com.bidiq.pncp.control.PncpRecordParser;
import br.com.bidiq.pncp.entity.PncpRecord;
import br.com.bidiq.testing.FakePncpServer;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    /** The definition, written with regular expressions: the fast one-pass version must agree with it. */
    static String reference(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String bare = Pattern.compile("\\p{M}+")
                .matcher(Normalizer.normalize(lower, Normalizer.Form.NFD))
                .replaceAll("");
        String spaced = Pattern.compile("[^\\p{L}\\p{N}\\s]|_").matcher(bare).replaceAll(" ");
        return Pattern.compile("\\s+").matcher(spaced).replaceAll(" ").strip();
    }

    @Test
    void foldsCaseAccentsAndPunctuation() {
        assertEquals("guarda po jaleco", TextNormalizer.normalize("Guarda-Pó  (Jaleco)"));
        assertEquals(
                "aquisicao de uniformes nº 12 2026", TextNormalizer.normalize("AQUISIÇÃO DE UNIFORMES – Nº 12/2026"));
        assertEquals("", TextNormalizer.normalize(" \t\r\n–— "));
        assertEquals("cafe", TextNormalizer.normalize("cafe\u0301"), "a combining accent vanishes");
        assertEquals("a b", TextNormalizer.normalize("a\u00a0b"), "a no-break space separates");
        assertEquals("a b", TextNormalizer.normalize("a_b"));
    }

    @Test
    void agreesWithTheDefinitionOnEveryRealObjectAndName() {
        for (jakarta.json.JsonObject json : FakePncpServer.sampleRecords()) {
            PncpRecord r = PncpRecordParser.parseRecord(json);
            for (String s : new String[] {r.objeto(), r.orgaoRazaoSocial(), r.nomeUnidade()}) {
                assertEquals(reference(s), TextNormalizer.normalize(s), s);
            }
        }
    }

    @Test
    void agreesWithTheDefinitionOnRandomLatinText() {
        Random random = new Random(13);
        String alphabet = "aAçÇãÃéÉêÊíÍóÓôÔõÕúÚüÜñÑ09 -_/,.;:()[]ºª°§€$%\t\u00a0\u2013\u2014\u0301\u0327ﬁ²½ÆæØøßİı";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(30);
            for (int i = 0; i < len; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(reference(s.toString()), TextNormalizer.normalize(s.toString()), s.toString());
        }
    }
}
