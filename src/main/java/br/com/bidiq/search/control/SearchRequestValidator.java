package br.com.bidiq.search.control;

import br.com.bidiq.filtering.control.SectorCatalog;
import br.com.bidiq.filtering.control.TermParser;
import br.com.bidiq.filtering.entity.ParsedTerms;
import br.com.bidiq.search.entity.SearchRequest;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/** Checks the cross-field rules of {@link SearchRequest} and names the field each message belongs to. */
public class SearchRequestValidator implements ConstraintValidator<ValidSearch, SearchValidation.Checked> {

    static final int DEFAULT_MAX_RANGE_DAYS = 366;
    /** PNCP exists since Lei 14.133 (April 2021): an earlier day, year 0000 included, is a typo. */
    static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);

    static final java.time.ZoneId BRASILIA = java.time.ZoneId.of("America/Sao_Paulo");

    @Override
    public boolean isValid(SearchValidation.Checked checked, ConstraintValidatorContext ctx) {
        SearchRequest r = checked == null ? null : checked.request();
        if (r == null) {
            return true;
        }
        ctx.disableDefaultConstraintViolation();
        boolean ok = true;
        boolean abertas = Boolean.TRUE.equals(r.openOnly());
        if (!abertas && blank(r.startDate())) {
            ok = fail(ctx, "data_inicial", "Informe a data inicial (AAAA-MM-DD)");
        }
        if (!abertas && blank(r.endDate())) {
            ok = fail(ctx, "data_final", "Informe a data final (AAAA-MM-DD)");
        }
        if (abertas && blank(r.startDate()) != blank(r.endDate())) {
            ok = fail(
                    ctx,
                    blank(r.startDate()) ? "data_inicial" : "data_final",
                    "Em 'abertas agora', informe as" + " duas datas de publicação ou nenhuma");
        }
        if (abertas && r.status() != null && !"recebendo_proposta".equals(r.status())) {
            ok = fail(
                    ctx,
                    "status",
                    "'Abertas agora' (somente_abertas) busca licitações recebendo propostas: use"
                            + " status recebendo_proposta ou não informe o status");
        }
        if (abertas && "pncp".equals(r.source())) {
            ok = fail(
                    ctx,
                    "fonte",
                    "'Abertas agora' é respondida pelo índice local (o PNCP não consulta por prazo"
                            + " de proposta): use fonte auto ou indice");
        }
        LocalDate start = date(r.startDate());
        LocalDate end = date(r.endDate());
        if (r.startDate() != null && r.startDate().matches(SearchRequest.ISO_DATE) && start == null) {
            ok = fail(ctx, "data_inicial", "Data inicial inexistente: " + r.startDate());
        }
        if (r.endDate() != null && r.endDate().matches(SearchRequest.ISO_DATE) && end == null) {
            ok = fail(ctx, "data_final", "Data final inexistente: " + r.endDate());
        }
        if (start != null && start.isBefore(FIRST_DAY)) {
            ok = fail(ctx, "data_inicial", "Data inicial anterior a 2021: o PNCP publica licitações desde 2021");
        }
        if (end != null && end.isBefore(FIRST_DAY)) {
            ok = fail(ctx, "data_final", "Data final anterior a 2021: o PNCP publica licitações desde 2021");
        }
        // PNCP has no notice published tomorrow: a future date is a typo, not a search.
        LocalDate today = LocalDate.now(BRASILIA);
        String hoje = "hoje é " + today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        if (start != null && start.isAfter(today)) {
            ok = fail(ctx, "data_inicial", "A data inicial não pode estar no futuro (" + hoje + ")");
        }
        if (end != null && end.isAfter(today)) {
            ok = fail(ctx, "data_final", "A data final não pode estar no futuro (" + hoje + ")");
        }
        if (start != null && end != null) {
            int max = maxRangeDays();
            if (start.isAfter(end)) {
                ok = fail(ctx, "data_final", "Data inicial deve ser anterior ou igual à data final");
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > max) {
                ok = fail(ctx, "data_final", "Período máximo de " + max + " dias entre a data inicial e a final");
            }
        }
        if (r.sectorId() != null && SectorCatalog.standard().find(r.sectorId()).isEmpty()) {
            ok = fail(ctx, "setor_id", "Setor desconhecido: " + r.sectorId() + ". Consulte GET /api/setores");
        }
        if (r.minValue() != null && r.maxValue() != null && r.maxValue().compareTo(r.minValue()) < 0) {
            ok = fail(ctx, "valor_maximo", "O valor máximo deve ser maior ou igual ao valor mínimo");
        }
        if (r.terms() != null && !r.terms().isBlank()) {
            ParsedTerms terms = new TermParser(SectorCatalog.standard()).parse(r.terms());
            if (terms.valid().size() + terms.ignored().size() > SearchRequest.MAX_TERMS) {
                ok = fail(ctx, "termos_busca", "No máximo " + SearchRequest.MAX_TERMS + " termos de busca");
            } else if (terms.valid().stream().anyMatch(t -> t.length() > SearchRequest.MAX_TERM_CHARS)) {
                ok = fail(
                        ctx,
                        "termos_busca",
                        "Cada termo de busca tem no máximo " + SearchRequest.MAX_TERM_CHARS + " caracteres");
            } else if (terms.valid().isEmpty()) {
                ok = fail(
                        ctx,
                        "termos_busca",
                        "Nenhum termo válido para busca: use termos com pelo menos 4"
                                + " caracteres e evite palavras comuns como 'de', 'da'");
            }
        }
        return ok;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalDate date(String s) {
        if (s == null || !s.matches(SearchRequest.ISO_DATE)) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int maxRangeDays() {
        try {
            return ConfigProvider.getConfig()
                    .getOptionalValue("search.max-range-days", Integer.class)
                    .orElse(DEFAULT_MAX_RANGE_DAYS);
        } catch (RuntimeException noConfigOutsideTheServer) {
            return DEFAULT_MAX_RANGE_DAYS;
        }
    }

    private static boolean fail(ConstraintValidatorContext ctx, String field, String message) {
        ctx.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }
}
