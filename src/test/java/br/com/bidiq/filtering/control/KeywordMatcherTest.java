package br.com.bidiq.filtering.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.filtering.entity.KeywordMatch;
import br.com.bidiq.filtering.entity.Rejection;
import br.com.bidiq.filtering.entity.Sector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

    final SectorCatalog catalog = SectorCatalog.standard();

    KeywordMatcher sector(String id) {
        Sector s = catalog.find(id).orElseThrow();
        return new KeywordMatcher(s.keywords(), s.exclusions(), s.contextRequired(), catalog.redFlags());
    }

    @Test
    void normalizesAccentsCaseAndPunctuation() {
        assertEquals("guarda po jaleco e calca", TextNormalizer.normalize("Guarda-Pó  (JALECO) e Calça!"));
        assertEquals("", TextNormalizer.normalize(null));
    }

    @Test
    void matchesWholeWordsWithPluralsButNotLongerWords() {
        KeywordMatcher m = new KeywordMatcher(List.of("uniforme"), List.of(), Map.of(), Map.of());
        assertTrue(m.match("AQUISIÇÃO DE UNIFORMES ESCOLARES").accepted());
        assertFalse(m.match("uniformemente distribuído").accepted());
        assertFalse(m.match("uniformização de procedimentos").accepted());
    }

    @Test
    void matchedTermsAreDeterministicAndNameEachVariantOnce() {
        KeywordMatch first = sector("vestuario").match("Aquisição de uniformes escolares e camisetas");
        KeywordMatch again = sector("vestuario").match("Aquisição de uniformes escolares e camisetas");

        assertTrue(first.accepted());
        assertEquals(first.matchedTerms(), again.matchedTerms());
        assertEquals(
                List.of("aquisição de uniforme", "camiseta", "uniforme", "uniforme escolar"), first.matchedTerms());
    }

    @Test
    void exclusionsComeFirst() {
        KeywordMatch m = sector("vestuario").match("Confecção de placas de sinalização");
        assertEquals(Rejection.EXCLUSAO, m.rejection());
    }

    @Test
    void anExclusionInsideALongerKeywordPhraseDoesNotKillIt() {
        KeywordMatcher m =
                new KeywordMatcher(List.of("fardamento militar", "fardamento"), List.of("militar"), Map.of(), Map.of());
        assertTrue(m.match("Aquisição de fardamento militar para a guarda municipal")
                .accepted());
        assertEquals(
                Rejection.EXCLUSAO, m.match("Fardamento para a polícia militar").rejection());
    }

    @Test
    void contextRulesUseWholeWords() {
        KeywordMatcher vest = sector("vestuario");
        // Hospital gowns are the hospital-supply market: an exclusion of the catalogue, in either number.
        assertEquals(
                Rejection.EXCLUSAO,
                vest.match("Aquisição de aventais hospitalares").rejection());
        assertTrue(
                vest.match("Aquisição de aventais para merendeiras da cozinha").accepted());
        // "botas" confirms "epi" as a whole word (plural of the context word "bota").
        assertTrue(vest.match("Aquisição de EPI: botas e luvas").accepted());
        // "calcada" contains "calca" but is another word: no context for epi.
        assertEquals(Rejection.CONTEXTO, vest.match("EPI para obra de calcada").rejection());
    }

    @Test
    void redFlagsAreWholeWordsAndOnlyRejectWeakMatches() {
        KeywordMatcher m = new KeywordMatcher(List.of("camiseta"), List.of(), Map.of(), catalog.redFlags());
        String weak = "Contratação de consultoria e assessoria para capacitação de servidores em gestão pública "
                + "municipal com fornecimento de material didático diverso incluindo camiseta para os participantes";
        assertEquals(Rejection.RED_FLAGS, m.match(weak).rejection());
        // "recursos" is not "curso"; "discursos" is not either.
        assertTrue(m.match("Camiseta para recursos humanos e discursos de capacitação " + "x ".repeat(40))
                .accepted());
        assertTrue(m.match("Camiseta para consultoria e assessoria").accepted(), "strong match");
    }

    @Test
    void aSectorsOwnSubjectIsNoRedFlag() {
        KeywordMatcher saude = sector("saude");
        String text = "Registro de preços para aquisição de medicamentos para tratamento de pacientes da rede "
                + "municipal de saúde conforme termo de referência e especificações do edital anexos ao processo "
                + "administrativo e demais condições estabelecidas pela secretaria municipal de saúde da cidade";
        assertTrue(saude.match(text).accepted(), String.valueOf(saude.match(text)));
    }

    @Test
    void emptyObjectIsRejectedAsNoKeyword() {
        assertEquals(Rejection.KEYWORD, sector("vestuario").match(null).rejection());
    }
}
