package br.com.bidiq.filtering.control;

import br.com.bidiq.pncp.entity.PncpRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The órgãos filter, compiled once per search: each entry is a CNPJ (14 digits, any punctuation) or part of the
 * órgão's or unit's name (accents and case do not matter). A record then costs one normalisation of its two names,
 * however many órgãos were asked for.
 */
final class OrgaoMatcher {

    private final Set<String> cnpjs = new HashSet<>();
    private final List<String> names = new ArrayList<>();

    OrgaoMatcher(List<String> orgaos) {
        for (String o : orgaos) {
            String digits = o.replaceAll("\\D", "");
            if (digits.length() == 14) {
                cnpjs.add(digits);
            }
            String n = TextNormalizer.normalize(o);
            if (!n.isEmpty() && !names.contains(n)) {
                names.add(n);
            }
        }
    }

    boolean isEmpty() {
        return cnpjs.isEmpty() && names.isEmpty();
    }

    boolean matches(PncpRecord r) {
        if (r.orgaoCnpj() != null && cnpjs.contains(r.orgaoCnpj())) {
            return true;
        }
        if (names.isEmpty()) {
            return false;
        }
        String text =
                TextNormalizer.normalize(r.orgaoRazaoSocial()) + " | " + TextNormalizer.normalize(r.nomeUnidade());
        for (String n : names) {
            if (text.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
