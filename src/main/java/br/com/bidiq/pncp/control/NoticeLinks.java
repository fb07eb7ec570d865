package br.com.bidiq.pncp.control;

import br.com.bidiq.pncp.entity.PncpRecord;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link a user follows to read a notice: the origin system's page when PNCP has a usable one, else the notice's
 * page on PNCP itself. Placeholders ("string", "") and junk are never offered as links.
 */
public final class NoticeLinks {

    private static final Pattern CONTROL = Pattern.compile("^(\\d{14})-\\d+-0*(\\d+)/(\\d{4})$");
    private static final Pattern HOST_PATH = Pattern.compile("^[\\w-]+(\\.[\\w-]+)+(/.*)?$");

    private NoticeLinks() {}

    public static String of(PncpRecord r) {
        String origin = usable(r.linkSistemaOrigem());
        if (origin != null) {
            return origin;
        }
        String process = usable(r.linkProcessoEletronico());
        if (process != null) {
            return process;
        }
        return pncpPage(r.numeroControlePncp());
    }

    public static String pncpPage(String numeroControle) {
        if (numeroControle == null) {
            return "https://pncp.gov.br/app/editais";
        }
        Matcher m = CONTROL.matcher(numeroControle);
        if (m.matches()) {
            return "https://pncp.gov.br/app/editais/" + m.group(1) + "/" + m.group(3) + "/" + m.group(2);
        }
        return "https://pncp.gov.br/app/editais?q="
                + java.net.URLEncoder.encode(numeroControle, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String usable(String link) {
        if (link == null) {
            return null;
        }
        String t = link.strip();
        if (t.isEmpty() || t.contains(" ")) {
            return null;
        }
        if (!t.regionMatches(true, 0, "http://", 0, 7) && !t.regionMatches(true, 0, "https://", 0, 8)) {
            if (!HOST_PATH.matcher(t).matches()) {
                return null;
            }
            t = "https://" + t;
        }
        try {
            URI uri = new URI(t);
            return uri.getHost() != null && uri.getHost().contains(".") ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
