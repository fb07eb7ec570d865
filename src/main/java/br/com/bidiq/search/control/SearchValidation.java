package br.com.bidiq.search.control;

import br.com.bidiq.platform.InvalidRequestException;
import br.com.bidiq.search.entity.SearchRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Validates a search request: each field's own constraints (on {@link SearchRequest}) and the rules that span fields
 * and need the sector catalogue ({@link SearchRequestValidator}), which live here so that the entity knows no control.
 */
@ApplicationScoped
public class SearchValidation {

    @Inject
    Validator validator;

    /** The request under both sets of rules; field violations are reported under their own names. */
    @ValidSearch
    public record Checked(@Valid SearchRequest request) {}

    /** @throws InvalidRequestException 422, with the messages per field */
    public void check(SearchRequest request) {
        Set<ConstraintViolation<Checked>> violations = violations(validator, request);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    public static Set<ConstraintViolation<Checked>> violations(Validator validator, SearchRequest request) {
        return validator.validate(new Checked(request));
    }
}
