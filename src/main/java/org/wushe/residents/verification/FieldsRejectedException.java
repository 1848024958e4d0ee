package org.wushe.residents.verification;

import java.util.Map;
import org.wushe.shared.InvalidValueException;

/** A campaign or an outcome refused field by field: every bad field with its problem; nothing was written. */
class FieldsRejectedException extends RuntimeException {

    private final transient Map<String, InvalidValueException> problems;

    public FieldsRejectedException(Map<String, InvalidValueException> problems) {
        super("rejected: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    /** Field name (e.g. outcome, phone, deadline) → its problem. */
    public Map<String, InvalidValueException> problems() {
        return problems;
    }
}
