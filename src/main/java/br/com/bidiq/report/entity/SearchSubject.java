package br.com.bidiq.report.entity;

import java.util.List;

/**
 * What a search looked for, as its summary, report and file are named: a sector ("Vestuário e Uniformes"), or the
 * user's own terms, which replace the sector's keywords and so must never be labelled as that sector.
 * {@code openNow}: "abertas agora", any publication day.
 */
public record SearchSubject(String name, String phrase, String fileStem, boolean openNow) {

    public static SearchSubject sector(String sectorName, boolean openNow) {
        return new SearchSubject(sectorName, "de " + sectorName, sectorName, openNow);
    }

    public static SearchSubject terms(List<String> terms, boolean openNow) {
        String joined = String.join(", ", terms);
        return new SearchSubject(
                "Termos: " + joined, "com os termos “" + joined + "”", "termos_" + String.join("_", terms), openNow);
    }
}
