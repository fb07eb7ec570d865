package br.com.bidiq.index.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * Which indexed notices a search considers: the database pre-selects by these structured fields only, always a
 * superset of what the search's filters keep (they run again on every candidate). Null or empty means "any".
 *
 * @param publishedFrom first publication day (Brasília), or null for any
 * @param publishedTo   last publication day, or null for any
 * @param cnpjs         órgãos by CNPJ (14 digits), only when every órgão of the search is a CNPJ
 * @param deadlineNotBefore proposal deadline missing or at/after this moment (status "recebendo_proposta")
 * @param deadlineAfter proposal deadline strictly after this moment ("abertas agora")
 */
public record NoticeQuery(
        List<String> ufs,
        List<Integer> modalidades,
        LocalDate publishedFrom,
        LocalDate publishedTo,
        BigDecimal valorMinimo,
        BigDecimal valorMaximo,
        Set<String> esferas,
        Set<String> municipios,
        Set<String> cnpjs,
        LocalDateTime deadlineNotBefore,
        LocalDateTime deadlineAfter) {

    public NoticeQuery {
        ufs = List.copyOf(ufs);
        modalidades = List.copyOf(modalidades);
        esferas = esferas == null ? Set.of() : Set.copyOf(esferas);
        municipios = municipios == null ? Set.of() : Set.copyOf(municipios);
        cnpjs = cnpjs == null ? Set.of() : Set.copyOf(cnpjs);
    }

    /** The same query for one UF x modality (one lane of the index). */
    public NoticeQuery lane(String uf, int modalidade) {
        return new NoticeQuery(
                List.of(uf),
                List.of(modalidade),
                publishedFrom,
                publishedTo,
                valorMinimo,
                valorMaximo,
                esferas,
                municipios,
                cnpjs,
                deadlineNotBefore,
                deadlineAfter);
    }
}
