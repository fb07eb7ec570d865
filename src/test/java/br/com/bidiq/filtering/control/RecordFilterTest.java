package br.com.bidiq.filtering.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.bidiq.filtering.entity.FilterCriteria;
import br.com.bidiq.filtering.entity.FilterOutcome;
import br.com.bidiq.filtering.entity.FilterOutcome.Accepted;
import br.com.bidiq.filtering.entity.FilterStats;
import br.com.bidiq.filtering.entity.Ordenacao;
import br.com.bidiq.filtering.entity.Sector;
import br.com.bidiq.filtering.entity.StatusLicitacao;
import br.com.bidiq.pncp.control.PncpRecordParser;
import br.com.bidiq.pncp.entity.PncpRecord;
import br.com.bidiq.testing.FakePncpServer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordFilterTest {

    static final List<PncpRecord> REAL = FakePncpServer.sampleRecords().stream()
            .map(PncpRecordParser::parseRecord)
            .toList();
    static final Set<String> ALL_UFS = Set.of("SP", "MG", "RJ", "ES", "SC", "PR", "RS", "MS");

    final SectorCatalog catalog = SectorCatalog.standard();
    final StatusInference inference =
            new StatusInference(Clock.fixed(Instant.parse("2026-03-01T15:00:00Z"), ZoneOffset.UTC));
    final RecordFilter filter = new RecordFilter(catalog, inference);

    FilterCriteria criteria(String sector, String terms, StatusLicitacao status) {
        return new Criteria(catalog.find(sector).orElseThrow())
                .status(status)
                .termosBusca(terms)
                .build();
    }

    /** The criteria of a filter test: every UF of the samples, any status, no other filter; a test sets its own. */
    static final class Criteria {
        private Set<String> ufs = ALL_UFS;
        private StatusLicitacao status = StatusLicitacao.TODOS;
        private Set<String> esferas = Set.of();
        private Set<Integer> modalidades = Set.of();
        private Set<String> municipios = Set.of();
        private List<String> orgaos = List.of();
        private BigDecimal valorMinimo;
        private BigDecimal valorMaximo;
        private final Sector sector;
        private String termosBusca;

        Criteria(Sector sector) {
            this.sector = sector;
        }

        Criteria ufs(Set<String> v) {
            ufs = v;
            return this;
        }

        Criteria status(StatusLicitacao v) {
            status = v;
            return this;
        }

        Criteria esferas(Set<String> v) {
            esferas = v;
            return this;
        }

        Criteria modalidades(Set<Integer> v) {
            modalidades = v;
            return this;
        }

        Criteria municipios(Set<String> v) {
            municipios = v;
            return this;
        }

        Criteria orgaos(List<String> v) {
            orgaos = v;
            return this;
        }

        Criteria valorMinimo(BigDecimal v) {
            valorMinimo = v;
            return this;
        }

        Criteria valorMaximo(BigDecimal v) {
            valorMaximo = v;
            return this;
        }

        Criteria termosBusca(String v) {
            termosBusca = v;
            return this;
        }

        FilterCriteria build() {
            return new FilterCriteria(
                    ufs,
                    status,
                    esferas,
                    modalidades,
                    municipios,
                    orgaos,
                    valorMinimo,
                    valorMaximo,
                    sector,
                    termosBusca,
                    null,
                    false,
                    false);
        }
    }

    static List<String> ids(FilterOutcome o) {
        return o.accepted().stream().map(a -> a.record().numeroControlePncp()).toList();
    }

    static int rejected(FilterStats s) {
        return s.rejeitadasUf()
                + s.rejeitadasStatus()
                + s.rejeitadasEsfera()
                + s.rejeitadasModalidade()
                + s.rejeitadasMunicipio()
                + s.rejeitadasOrgao()
                + s.rejeitadasValor()
                + s.rejeitadasExclusao()
                + s.rejeitadasKeyword()
                + s.rejeitadasContexto()
                + s.rejeitadasRedFlags()
                + s.rejeitadasMinMatch()
                + s.rejeitadasPrazo()
                + s.rejeitadasOutros();
    }

    @Test
    void findsTheRealUniformTendersAndCountsEveryRejection() {
        FilterOutcome o = filter.apply(REAL, criteria("vestuario", null, StatusLicitacao.TODOS));

        assertTrue(ids(o).contains("27142058000126-1-000336/2025"), "UNIFORME ESCOLAR (BERMUDAS, CALÇAS...)");
        // A jaleco is a garment whatever surrounds it: "REGISTRO DE PREÇOS PARA AQUISIÇÃO DE JALECOS" (issue 14).
        assertTrue(ids(o).contains("27142058000126-1-000209/2026"), "JALECOS alone");
        assertTrue(o.stats().rejeitadasContexto() > 0);
        assertTrue(ids(o).contains("42498733000148-1-000767/2026"), "Uniforme na cor laranja");
        assertFalse(ids(o).contains("27142058000126-1-000669/2025"), "hospital aprons are not clothing");
        assertEquals(REAL.size(), o.stats().totalAvaliadas());
        assertEquals(o.stats().totalAvaliadas(), o.stats().aprovadas() + rejected(o.stats()));
        assertTrue(o.stats().rejeitadasKeyword() > 1000);
    }

    @Test
    void sameInputSameOutputWhateverTheInputOrder() {
        List<PncpRecord> shuffled = new ArrayList<>(REAL);
        Collections.shuffle(shuffled, new Random(7));
        FilterOutcome a = filter.apply(REAL, criteria("vestuario", null, StatusLicitacao.TODOS));
        FilterOutcome b = filter.apply(shuffled, criteria("vestuario", null, StatusLicitacao.TODOS));

        List<Accepted> sa = ResultOrdering.sort(a.accepted(), Ordenacao.RELEVANCIA);
        List<Accepted> sb = ResultOrdering.sort(b.accepted(), Ordenacao.RELEVANCIA);
        assertEquals(
                sa.stream()
                        .map(x -> x.record().numeroControlePncp() + x.matchedTerms())
                        .toList(),
                sb.stream()
                        .map(x -> x.record().numeroControlePncp() + x.matchedTerms())
                        .toList());
    }

    @Test
    void customTermsReplaceTheSectorKeywords() {
        FilterOutcome o = filter.apply(REAL, criteria("vestuario", "jalecos", StatusLicitacao.TODOS));
        assertTrue(ids(o).contains("27142058000126-1-000209/2026"));
        assertEquals(List.of("jalecos"), o.accepted().get(0).matchedTerms());
        assertEquals(1.0, o.accepted().get(0).relevance());
    }

    @Test
    void minMatchFloorHidesWeakMatchesAndRelaxesWhenItEmptiesTheResult() {
        FilterOutcome strict =
                filter.apply(REAL, criteria("vestuario", "bermudas saias jaquetas pijamas", StatusLicitacao.TODOS));
        assertFalse(strict.relaxed());
        assertTrue(ids(strict).contains("27142058000126-1-000336/2025"));
        assertTrue(strict.accepted().stream().allMatch(a -> a.matchedTerms().size() >= 2));

        FilterOutcome relaxed =
                filter.apply(REAL, criteria("vestuario", "jalecos pijamas toalhas cobertores", StatusLicitacao.TODOS));
        assertTrue(relaxed.relaxed());
        assertEquals(0, relaxed.hiddenByMinMatch());
        assertTrue(ids(relaxed).contains("27142058000126-1-000209/2026"));
    }

    @Test
    void onlyInvalidTermsIsAnError() {
        InvalidTermsException e = assertThrows(
                InvalidTermsException.class,
                () -> filter.apply(REAL, criteria("vestuario", "de, da, pó", StatusLicitacao.TODOS)));
        assertEquals(List.of("pó"), e.terms().ignored());
    }

    @Test
    void esferaMunicipioModalidadeOrgaoAndValueUseTheNestedFields() {
        FilterCriteria base = criteria("facilities", null, StatusLicitacao.TODOS);
        FilterOutcome all = filter.apply(REAL, base);
        assertTrue(all.accepted().size() > 5);

        FilterOutcome sp = filter.apply(
                REAL, new Criteria(base.sector()).municipios(Set.of("3550308")).build());
        assertTrue(
                sp.accepted().stream().allMatch(a -> "3550308".equals(a.record().codigoIbge())));
        assertTrue(sp.stats().rejeitadasMunicipio() > 0);
        assertFalse(sp.accepted().isEmpty());

        FilterOutcome estadual = filter.apply(
                REAL, new Criteria(base.sector()).esferas(Set.of("E")).build());
        assertTrue(
                estadual.accepted().stream().allMatch(a -> "E".equals(a.record().esferaId())));
        assertTrue(estadual.stats().rejeitadasEsfera() > 0);

        FilterOutcome mod4 = filter.apply(
                REAL, new Criteria(base.sector()).modalidades(Set.of(4)).build());
        assertTrue(mod4.accepted().stream().allMatch(a -> a.record().modalidadeId() == 4));

        String orgao = all.accepted().get(0).record().orgaoRazaoSocial();
        FilterOutcome byOrgao = filter.apply(
                REAL,
                new Criteria(base.sector()).orgaos(List.of(orgao.toLowerCase())).build());
        assertTrue(byOrgao.accepted().stream()
                .allMatch(a -> a.record().orgaoRazaoSocial().equals(orgao)));

        BigDecimal min = new BigDecimal("100000");
        BigDecimal max = new BigDecimal("1000000");
        FilterOutcome value = filter.apply(
                REAL,
                new Criteria(base.sector()).valorMinimo(min).valorMaximo(max).build());
        assertTrue(value.accepted().stream()
                .allMatch(a -> a.record().valorOuZero().compareTo(min) >= 0
                        && a.record().valorOuZero().compareTo(max) <= 0));
        assertTrue(value.stats().rejeitadasValor() > 0);
    }

    @Test
    void zeroOrMissingValueFailsAPositiveMinimum() {
        LocalDateTime t = LocalDateTime.parse("2026-02-20T10:00:00");
        List<PncpRecord> rs = List.of(
                Records.of("a", "Aquisição de uniformes", "SC", null, t, null, null, "Divulgada no PNCP"),
                Records.of("b", "Aquisição de uniformes", "SC", BigDecimal.ZERO, t, null, null, "Divulgada no PNCP"),
                Records.of("c", "Aquisição de uniformes", "SC", BigDecimal.TEN, t, null, null, "Divulgada no PNCP"));
        FilterOutcome o = filter.apply(
                rs,
                new Criteria(catalog.find("vestuario").orElseThrow())
                        .ufs(Set.of("SC"))
                        .valorMinimo(BigDecimal.ONE)
                        .build());
        assertEquals(List.of("c"), ids(o));
        assertEquals(2, o.stats().rejeitadasValor());
    }

    @Test
    void openTendersNeedAFutureDeadline() {
        LocalDateTime now = LocalDateTime.parse("2026-03-01T12:00:00");
        List<PncpRecord> rs = List.of(
                Records.of(
                        "open",
                        "Uniformes",
                        "SC",
                        BigDecimal.TEN,
                        now.minusDays(2),
                        now.minusDays(1),
                        now.plusDays(3),
                        "Divulgada no PNCP"),
                Records.of(
                        "closed",
                        "Uniformes",
                        "SC",
                        BigDecimal.TEN,
                        now.minusDays(20),
                        now.minusDays(19),
                        now.minusDays(1),
                        "Divulgada no PNCP"),
                Records.of(
                        "nodates",
                        "Uniformes",
                        "SC",
                        BigDecimal.TEN,
                        now.minusDays(2),
                        null,
                        null,
                        "Divulgada no PNCP"));
        FilterCriteria c = new Criteria(catalog.find("vestuario").orElseThrow())
                .ufs(Set.of("SC"))
                .status(StatusLicitacao.RECEBENDO_PROPOSTA)
                .build();
        FilterOutcome o = filter.apply(rs, c);
        assertEquals(List.of("open"), ids(o));
        assertEquals(2, o.stats().rejeitadasStatus());
    }

    @Test
    void orderingPutsMissingKeysLastAndSortsByDeadline() {
        LocalDateTime t = LocalDateTime.parse("2026-02-20T10:00:00");
        List<Accepted> items = List.of(
                accepted(Records.of("a", "x", "SC", BigDecimal.ONE, t, null, null, "")),
                accepted(Records.of("b", "x", "SC", BigDecimal.TEN, t.minusDays(1), t, t.plusDays(9), "")),
                accepted(Records.of("c", "x", "SC", null, t.plusDays(1), t, t.plusDays(2), "")));
        assertEquals(List.of("c", "b", "a"), order(items, Ordenacao.PRAZO_ASC));
        assertEquals(List.of("c", "a", "b"), order(items, Ordenacao.DATA_DESC));
        assertEquals(List.of("b", "a", "c"), order(items, Ordenacao.DATA_ASC));
        assertEquals(List.of("b", "a", "c"), order(items, Ordenacao.VALOR_DESC));
        assertEquals(List.of("c", "a", "b"), order(items, Ordenacao.VALOR_ASC));
    }

    static Accepted accepted(PncpRecord r) {
        return new Accepted(r, StatusLicitacao.TODOS, List.of(), 0.5);
    }

    static List<String> order(List<Accepted> items, Ordenacao o) {
        return ResultOrdering.sort(items, o).stream()
                .map(a -> a.record().numeroControlePncp())
                .toList();
    }
}
