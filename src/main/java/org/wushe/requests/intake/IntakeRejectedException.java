package org.wushe.requests.intake;

import java.util.Map;
import org.wushe.shared.InvalidValueException;

/** Every field that was wrong, each with its message key (the form shows each next to its field). */
public class IntakeRejectedException extends RuntimeException {

    private final Map<String, InvalidValueException> errors;

    public IntakeRejectedException(Map<String, InvalidValueException> errors) {
        super("invalid fields: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, InvalidValueException> errors() {
        return errors;
    }
}
