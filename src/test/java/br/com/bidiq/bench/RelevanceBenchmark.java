package br.com.bidiq.bench;

import br.com.bidiq.filtering.control.RecordFilter;
import br.com.bidiq.filtering.control.SectorCatalog;
import br.com.bidiq.filtering.control.StatusInference;
import br.com.bidiq.filtering.entity.FilterCriteria;
import br.com.bidiq.filtering.entity.FilterOutcome;
import br.com.bidiq.filtering.entity.StatusLicitacao;
import br.com.bidiq.pncp.control.PncpRecordParser;
import br.com.bidiq.pncp.entity.PncpRecord;
import br.com.bidiq.testing.FakePncpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Precision and recall of each sector's matcher on the hand-labelled evaluation set in
 * {@code src/test/resources/relevance/<sector>.tsv}: real sample records, each labelled R (relevant), N (not) or A
 * (ambiguous, left out of both figures) by reading its object as a supplier of that sector would. Prints the figures
 * and every misclassified object.
 *
 * <pre>mvn -Pbench -Dbench=RelevanceBenchmark test-compile exec:java</pre>
 */
public final class RelevanceBenchmark {

    public static final List<String> SECTORS = List.of("vestuario", "alimentos", "informatica", "engenharia");

    private RelevanceBenchmark() {}

    /** One labelled notice. */
    public record Label(String id, char label, String reason) {}

    /** A sector's figures and its mistakes. */
    public record Figures(
            String sector,
            int relevant,
            int keptRelevant,
            int keptIrrelevant,
            List<String> falsePositives,
            List<String> falseNegatives) {

        public double precision() {
            int kept = keptRelevant + keptIrrelevant;
            return kept == 0 ? 1.0 : (double) keptRelevant / kept;
        }

        public double recall() {
            return relevant == 0 ? 1.0 : (double) keptRelevant / relevant;
        }
    }

    public static void main(String[] args) {
        Map<String, PncpRecord> records = samples();
        for (String sector : SECTORS) {
            List<Label> labels = labels(sector);
            if (labels.isEmpty()) {
                System.out.printf("%-12s (no labels yet)%n", sector);
                continue;
            }
            Figures f = measure(sector, labels, records);
            System.out.printf(
                    "%-12s precision %.3f  recall %.3f  (%d relevant, %d kept: %d relevant + %d not;"
                            + " %d labelled)%n",
                    sector,
                    f.precision(),
                    f.recall(),
                    f.relevant(),
                    f.keptRelevant() + f.keptIrrelevant(),
                    f.keptRelevant(),
                    f.keptIrrelevant(),
                    labels.size());
            f.falsePositives().forEach(o -> System.out.println("    kept, not relevant: " + o));
            f.falseNegatives().forEach(o -> System.out.println("    missed, relevant:   " + o));
            unlabelledKept(sector, labels, records).forEach(o -> System.out.println("    kept, NOT LABELLED: " + o));
        }
    }

    public static Map<String, PncpRecord> samples() {
        return FakePncpServer.sampleRecords().stream()
                .map(PncpRecordParser::parseRecord)
                .collect(Collectors.toMap(
                        PncpRecord::numeroControlePncp, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public static List<Label> labels(String sector) {
        try (InputStream in = RelevanceBenchmark.class.getResourceAsStream("/relevance/" + sector + ".tsv")) {
            if (in == null) {
                return List.of();
            }
            List<Label> labels = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                labels.add(new Label(cols[0], cols[1].charAt(0), cols.length > 2 ? cols[2] : ""));
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the sector's search keeps among all the samples that the set has no label for: the set's blind spots. */
    public static List<String> unlabelledKept(String sector, List<Label> labels, Map<String, PncpRecord> records) {
        Set<String> labelled = labels.stream().map(Label::id).collect(Collectors.toSet());
        SectorCatalog catalog = SectorCatalog.standard();
        FilterOutcome outcome = new RecordFilter(catalog, new StatusInference(Clock.systemUTC()))
                .apply(List.copyOf(records.values()), criteria(sector));
        return outcome.accepted().stream()
                .map(a -> a.record())
                .filter(r -> !labelled.contains(r.numeroControlePncp()))
                .map(r -> r.numeroControlePncp() + " " + r.objeto())
                .toList();
    }

    static FilterCriteria criteria(String sector) {
        return new FilterCriteria(
                Set.of(),
                StatusLicitacao.TODOS,
                Set.of(),
                Set.of(),
                Set.of(),
                List.of(),
                null,
                null,
                SectorCatalog.standard().find(sector).orElseThrow(),
                null,
                null,
                false,
                false);
    }

    /** Runs the sector's search (sector keywords only, every UF, status and modality) over the labelled records. */
    public static Figures measure(String sector, List<Label> labels, Map<String, PncpRecord> records) {
        SectorCatalog catalog = SectorCatalog.standard();
        FilterCriteria criteria = criteria(sector);
        List<PncpRecord> labelled = labels.stream()
                .map(l -> {
                    PncpRecord r = records.get(l.id());
                    if (r == null) {
                        throw new IllegalStateException(sector + ": labelled id not in the samples: " + l.id());
                    }
                    return r;
                })
                .toList();
        FilterOutcome outcome =
                new RecordFilter(catalog, new StatusInference(Clock.systemUTC())).apply(labelled, criteria);
        Map<String, List<String>> kept = outcome.accepted().stream()
                .collect(Collectors.toMap(a -> a.record().numeroControlePncp(), a -> a.matchedTerms(), (a, b) -> a));
        int relevant = 0;
        int keptRelevant = 0;
        int keptIrrelevant = 0;
        List<String> fp = new ArrayList<>();
        List<String> fn = new ArrayList<>();
        for (Label l : labels) {
            String objeto = records.get(l.id()).objeto();
            String shown = objeto == null ? "" : objeto.length() > 150 ? objeto.substring(0, 150) + "…" : objeto;
            boolean in = kept.containsKey(l.id());
            if (l.label() == 'R') {
                relevant++;
                if (in) {
                    keptRelevant++;
                } else {
                    fn.add(shown);
                }
            } else if (l.label() == 'N' && in) {
                keptIrrelevant++;
                fp.add(shown + "  [" + l.reason() + "; termos: " + String.join(", ", kept.get(l.id())) + "]");
            }
        }
        return new Figures(sector, relevant, keptRelevant, keptIrrelevant, fp, fn);
    }
}
