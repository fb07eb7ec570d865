package br.com.bidiq.platform;

import jakarta.validation.ConstraintViolation;
import java.util.Set;

/**
 * A request that failed Bean Validation, validated by the resource itself: JAX-RS runtimes that validate parameters
 * log every violation at WARNING with the client's raw values (RESTEasy does), so the API never lets them.
 */
public class InvalidRequestException extends RuntimeException {

    private final transient Set<? extends ConstraintViolation<?>> violations;

    public InvalidRequestException(Set<? extends ConstraintViolation<?>> violations) {
        super("invalid request", null, false, false);
        this.violations = Set.copyOf(violations);
    }

    public Set<? extends ConstraintViolation<?>> violations() {
        return violations;
    }
}
