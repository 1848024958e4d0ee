package org.wushe.residents.register;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Renders an {@link InvalidFieldsException} for a form (message per field) or the API (a problem with errors);
 * public for the assessment pages, which report their fields the same way.
 */
public final class FieldErrors {

    private FieldErrors() {}

    public static Map<String, String> messages(InvalidFieldsException e, MessageSource messages, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        for (InvalidFieldsException.FieldProblem p : e.problems()) {
            out.merge(
                    p.field(),
                    messages.getMessage(
                            p.problem().messageKey(),
                            p.problem().arguments(),
                            p.problem().messageKey(),
                            locale),
                    (a, b) -> a + " " + b);
        }
        return out;
    }

    /**
     * The values a form could not even read (letters in a number field, a malformed date), each as a message at its
     * field: the form is shown again instead of an error page.
     */
    public static Map<String, String> unreadable(BindingResult binding, MessageSource messages, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldError f : binding.getFieldErrors()) {
            boolean number = Arrays.stream(f.getCodes() == null ? new String[0] : f.getCodes())
                    .anyMatch(c -> c.endsWith("java.lang.Long") || c.endsWith("java.lang.Integer"));
            String key = number ? "residents.form.number" : "residents.form.format";
            out.putIfAbsent(f.getField(), messages.getMessage(key, null, key, locale));
        }
        return out;
    }

    public static ProblemDetail problem(InvalidFieldsException e, MessageSource messages, Locale locale) {
        Map<String, String> errors = messages(e, messages, locale);
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, List.copyOf(errors.values()).get(0));
        pd.setProperty("code", e.problems().get(0).problem().messageKey());
        pd.setProperty("errors", errors);
        if (e.existingResidentId() != null) {
            pd.setProperty("existing", "/api/v1/residents/" + e.existingResidentId());
        }
        return pd;
    }
}
