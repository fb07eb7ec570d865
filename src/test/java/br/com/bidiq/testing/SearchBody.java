package br.com.bidiq.testing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The JSON of a POST /api/buscar, built field by field; values are JSON literals. */
public final class SearchBody {

    private final Map<String, String> fields = new LinkedHashMap<>();

    /** One UF (SC), one month, modalities 4 and 5, live from PNCP: the searches the flow tests make. */
    public static SearchBody live() {
        return new SearchBody()
                .ufs("SC")
                .dates("2026-02-10", "2026-03-12")
                .modalidades(4, 5)
                .raw("fonte", "\"pncp\"");
    }

    public SearchBody id(String searchId) {
        return raw("search_id", searchId == null ? null : "\"" + searchId + "\"");
    }

    public SearchBody ufs(String... ufs) {
        return raw("ufs", Arrays.stream(ufs).map(u -> "\"" + u + "\"").collect(Collectors.joining(",", "[", "]")));
    }

    public SearchBody dates(String from, String to) {
        return raw("data_inicial", "\"" + from + "\"").raw("data_final", "\"" + to + "\"");
    }

    public SearchBody sector(String sectorId) {
        return raw("setor_id", "\"" + sectorId + "\"");
    }

    public SearchBody modalidades(int... codes) {
        return raw(
                "modalidades",
                Arrays.stream(codes).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]")));
    }

    /** Any field, its value a JSON literal ({@code "\"x\""}, {@code "[1,2]"}); null removes it. */
    public SearchBody raw(String name, String jsonValue) {
        if (jsonValue == null) {
            fields.remove(name);
        } else {
            fields.put(name, jsonValue);
        }
        return this;
    }

    public String json() {
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public String toString() {
        return json();
    }
}
