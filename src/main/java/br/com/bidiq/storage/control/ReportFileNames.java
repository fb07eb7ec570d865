package br.com.bidiq.storage.control;

import java.text.Normalizer;

/** File names that survive HTTP headers and object metadata: ASCII letters, digits, '.', '-' and '_'. */
public final class ReportFileNames {

    private ReportFileNames() {}

    /** "Engenharia e Construção" becomes "Engenharia_e_Construcao". */
    public static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9.-]+", "_")
                .replaceAll("^_+|_+$", "");
    }
}
