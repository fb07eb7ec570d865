package br.com.bidiq.filtering.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.filtering.entity.ParsedTerms;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermParserTest {

    final TermParser parser = new TermParser(SectorCatalog.standard());

    @Test
    void withoutCommaEachWordIsATermAndStopwordsGo() {
        ParsedTerms t = parser.parse("  Jaleco   de  Algodão jaleco ");
        assertEquals(List.of("jaleco", "algodão"), t.valid());
        assertEquals(List.of("de"), t.stopwordsRemoved());
        assertTrue(!t.phraseMode());
    }

    @Test
    void withCommaEachPieceIsAPhraseKeepingItsStopwords() {
        ParsedTerms t = parser.parse("camisa polo, uniforme de inverno, de, pó");
        assertEquals(List.of("camisa polo", "uniforme de inverno"), t.valid());
        assertEquals(List.of("pó"), t.ignored());
        assertEquals("Termo muito curto (mínimo 4 caracteres)", t.reasons().get("pó"));
        assertTrue(t.phraseMode());
    }

    @Test
    void specialCharactersAreRejectedWithAReason() {
        ParsedTerms t = parser.parse("bota$, luva");
        assertEquals(List.of("luva"), t.valid());
        assertEquals("Contém caracteres especiais não permitidos", t.reasons().get("bota$"));
    }

    @Test
    void minMatchFloorAndRelevance() {
        assertEquals(1, TermParser.minMatches(3));
        assertEquals(2, TermParser.minMatches(4));
        assertEquals(2, TermParser.minMatches(6));
        assertEquals(3, TermParser.minMatches(9));
        assertEquals(1.0, TermParser.relevance(3, 3, 1));
        assertEquals(0.5 + 0.15, TermParser.relevance(1, 2, 1), 1e-9);
        assertEquals(0, TermParser.relevance(0, 0, 0));
    }
}
