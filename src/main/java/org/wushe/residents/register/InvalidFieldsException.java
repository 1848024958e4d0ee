package org.wushe.residents.register;

import java.util.List;
import org.wushe.shared.InvalidValueException;

/**
 * A form or API body refused field by field; nothing was written. {@code existingResidentId} is set when the ID
 * number is already registered to a resident the caller may see (so the page can link to it).
 */
public class InvalidFieldsException extends RuntimeException {

    private final transient List<FieldProblem> problems;
    private final Long existingResidentId;

    public InvalidFieldsException(List<FieldProblem> problems, Long existingResidentId) {
        super(problems.stream()
                .map(p -> p.field() + ": " + p.problem().messageKey())
                .toList()
                .toString());
        this.problems = List.copyOf(problems);
        this.existingResidentId = existingResidentId;
    }

    public static InvalidFieldsException of(String field, String messageKey, Object... args) {
        return new InvalidFieldsException(
                List.of(new FieldProblem(field, new InvalidValueException(messageKey, args))), null);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public Long existingResidentId() {
        return existingResidentId;
    }

    /** One field's problem. */
    public record FieldProblem(String field, InvalidValueException problem) {}
}
