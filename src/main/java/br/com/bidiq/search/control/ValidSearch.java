package br.com.bidiq.search.control;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The rules that span fields: real dates in order and within the maximum range, a known sector, min ≤ max. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SearchRequestValidator.class)
public @interface ValidSearch {
    String message() default "Requisição de busca inválida";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
