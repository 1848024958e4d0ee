package org.wushe.requests.intake;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** The localised message of each rejected field, for a form or a problem's {@code errors} member. */
final class FieldErrors {

    private FieldErrors() {}

    static Map<String, String> of(IntakeRejectedException e, MessageSource messages, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        e.errors()
                .forEach((field, error) -> out.put(
                        field, messages.getMessage(error.messageKey(), error.arguments(), error.messageKey(), locale)));
        return out;
    }
}
