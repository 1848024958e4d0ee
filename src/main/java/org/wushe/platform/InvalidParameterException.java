package org.wushe.platform;

import org.wushe.shared.InvalidValueException;

/**
 * A request parameter or a field of a request body that cannot be taken, named: the web layer answers 400 with the
 * localised problem under {@code errors.<field>} (problem JSON) or on the error page. Nothing was changed.
 */
public class InvalidParameterException extends RuntimeException {

    private final String field;
    private final InvalidValueException problem;

    public InvalidParameterException(String field, InvalidValueException problem) {
        super(field + ": " + problem.getMessage());
        this.field = field;
        this.problem = problem;
    }

    /** For a parameter whose value is not one of the accepted ones ({@code error.parameter.invalid}). */
    public static InvalidParameterException invalid(String field) {
        return new InvalidParameterException(field, new InvalidValueException("error.parameter.invalid", field));
    }

    public String field() {
        return field;
    }

    public InvalidValueException problem() {
        return problem;
    }
}
