package br.com.bidiq.filtering.control;

import br.com.bidiq.filtering.entity.Sector;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The 12 sectors, the Portuguese stopwords and the red-flag lists, read once from {@code sectors.json}. */
public final class SectorCatalog {

    private static final String RESOURCE = "/sectors.json";
    private static volatile SectorCatalog standard;

    private final Map<String, Sector> sectors;
    private final Set<String> stopwords;
    private final Map<String, List<String>> redFlags;
    private final List<String> incidentalMarkers;
    private final Set<String> genericObjectWords;
    private final Set<String> acronyms;

    private SectorCatalog(
            Map<String, Sector> sectors,
            Set<String> stopwords,
            Map<String, List<String>> redFlags,
            List<String> incidentalMarkers,
            Set<String> genericObjectWords,
            Set<String> acronyms) {
        this.acronyms = acronyms;
        this.genericObjectWords = genericObjectWords;
        this.sectors = sectors;
        this.stopwords = stopwords;
        this.redFlags = redFlags;
        this.incidentalMarkers = incidentalMarkers;
    }

    public static SectorCatalog standard() {
        SectorCatalog c = standard;
        if (c == null) {
            synchronized (SectorCatalog.class) {
                c = standard;
                if (c == null) {
                    c = load();
                    standard = c;
                }
            }
        }
        return c;
    }

    static SectorCatalog load() {
        try (InputStream in = SectorCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            try (JsonReader reader = Json.createReader(in)) {
                return from(reader.readObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SectorCatalog from(JsonObject root) {
        Map<String, Sector> sectors = new LinkedHashMap<>();
        for (JsonValue v : root.getJsonArray("sectors")) {
            JsonObject s = v.asJsonObject();
            Map<String, List<String>> context = new LinkedHashMap<>();
            JsonObject ctx = s.getJsonObject("context_required_keywords");
            if (ctx != null) {
                ctx.forEach((k, words) -> context.put(k, strings(words.asJsonArray())));
            }
            sectors.put(
                    s.getString("id"),
                    new Sector(
                            s.getString("id"),
                            s.getString("name"),
                            s.getString("description", ""),
                            strings(s.getJsonArray("keywords")),
                            strings(s.getJsonArray("exclusions")),
                            Map.copyOf(context)));
        }
        Set<String> stop = new LinkedHashSet<>();
        for (String w : strings(root.getJsonArray("stopwords_pt"))) {
            stop.add(TextNormalizer.normalize(w));
        }
        Map<String, List<String>> flags = new LinkedHashMap<>();
        root.getJsonObject("red_flags").forEach((k, terms) -> flags.put(k, strings(terms.asJsonArray())));
        Set<String> generic = new LinkedHashSet<>(stop);
        strings(root.getJsonArray("generic_object_words_pt")).forEach(w -> generic.add(TextNormalizer.normalize(w)));
        Set<String> acronyms = new LinkedHashSet<>();
        strings(root.getJsonArray("acronyms_pt")).forEach(w -> acronyms.add(TextNormalizer.normalize(w)));
        return new SectorCatalog(
                sectors,
                Set.copyOf(stop),
                flags,
                strings(root.getJsonArray("incidental_markers_pt")),
                Set.copyOf(generic),
                Set.copyOf(acronyms));
    }

    private static List<String> strings(JsonArray array) {
        return array == null
                ? List.of()
                : array.getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList();
    }

    public List<Sector> all() {
        return List.copyOf(sectors.values());
    }

    public Optional<Sector> find(String id) {
        return Optional.ofNullable(id == null ? null : sectors.get(id));
    }

    /** Short terms the field uses as words (EPI, TI, GLP): custom terms may be these, under 4 letters. */
    public boolean isAcronym(String normalizedWord) {
        return acronyms.contains(normalizedWord);
    }

    public boolean isStopword(String normalizedWord) {
        return stopwords.contains(normalizedWord);
    }

    public Map<String, List<String>> redFlags() {
        return redFlags;
    }

    /** Words that say nothing of what is bought ("contratação", "empresa", "registro de preços"), stopwords included. */
    public Set<String> genericObjectWords() {
        return genericObjectWords;
    }

    /** Words that open an incidental clause of a notice's object: what follows is not the main object. */
    public List<String> incidentalMarkers() {
        return incidentalMarkers;
    }
}
