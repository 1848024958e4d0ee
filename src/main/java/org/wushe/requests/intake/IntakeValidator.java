package org.wushe.requests.intake;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.wushe.requests.Category;
import org.wushe.requests.ForWhom;
import org.wushe.requests.Urgency;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.PlainText;
import org.wushe.shared.RegionCode;

/**
 * Checks every field of an {@link Intake} and reports all that are wrong at once (no database access: the
 * community is checked against the cached list of places, so a rejected submission costs nothing).
 */
final class IntakeValidator {

    static final int MIN_DESCRIPTION = 5;
    static final int MAX_DESCRIPTION = 1000;
    static final int MIN_ADDRESS = 4;
    static final int MAX_ADDRESS = 200;

    record Valid(
            Category category,
            String description,
            ForWhom forWhom,
            RegionCode regionCode,
            String address,
            PhoneNumber phone,
            Urgency urgency,
            Map<String, Boolean> answers,
            UUID submissionKey) {}

    private final Map<String, InvalidValueException> errors = new LinkedHashMap<>();

    static Valid validate(Intake in, Predicate<RegionCode> knownPlace, boolean codeNeeded) {
        IntakeValidator v = new IntakeValidator();
        Category category = v.choice("category", in.category(), Category::valueOf);
        String description = v.text("description", in.description(), MIN_DESCRIPTION, MAX_DESCRIPTION);
        ForWhom forWhom = v.choice("forWhom", in.forWhom(), ForWhom::valueOf);
        Urgency urgency = v.choice("urgency", in.urgency(), Urgency::valueOf);
        RegionCode region = null;
        if (in.communityCode() == null || in.communityCode().isBlank()) {
            v.errors.put("communityCode", new InvalidValueException("requests.field.community.required"));
        } else {
            region = v.place(in.communityCode().strip(), knownPlace);
        }
        String address = v.text("address", in.address(), MIN_ADDRESS, MAX_ADDRESS);
        PhoneNumber phone = null;
        try {
            phone = PhoneNumber.parse(in.phone());
            if (!phone.isMobile()) {
                v.errors.put("phone", new InvalidValueException("requests.field.phone.mobile"));
            }
        } catch (InvalidValueException e) {
            v.errors.put("phone", e);
        }
        if (codeNeeded && (in.code() == null || !in.code().strip().matches("\\d{6}"))) {
            v.errors.put("code", new InvalidValueException("requests.field.code.required"));
        }
        if (category != null) {
            Set<String> allowed = new HashSet<>(category.questions());
            for (String question : in.answers().keySet()) {
                if (!allowed.contains(question)) {
                    v.errors.put("answers", new InvalidValueException("requests.field.answers.unknown", question));
                }
            }
        }
        UUID key = null;
        if (in.submissionKey() != null && !in.submissionKey().isBlank()) {
            try {
                key = UUID.fromString(in.submissionKey().strip());
            } catch (IllegalArgumentException e) {
                v.errors.put("submissionKey", new InvalidValueException("requests.field.submissionKey.invalid"));
            }
        }
        if (!v.errors.isEmpty()) {
            throw new IntakeRejectedException(v.errors);
        }
        Map<String, Boolean> answers = new LinkedHashMap<>(in.answers());
        answers.put(Category.FELT_VERY_URGENT, urgency == Urgency.VERY_URGENT);
        return new Valid(category, description, forWhom, region, address, phone, urgency, answers, key);
    }

    /** The community as a region code, when it is one of the places offered (a malformed code is unknown too). */
    private RegionCode place(String raw, Predicate<RegionCode> knownPlace) {
        try {
            RegionCode code = RegionCode.parse(raw);
            if (knownPlace.test(code)) {
                return code;
            }
        } catch (InvalidValueException e) {
            // not a region code at all: the same answer as a code not offered
        }
        errors.put("communityCode", new InvalidValueException("requests.field.community.unknown"));
        return null;
    }

    private <E> E choice(String field, String raw, Function<String, E> parse) {
        if (raw == null || raw.isBlank()) {
            errors.put(field, new InvalidValueException("requests.field." + field + ".required"));
            return null;
        }
        try {
            return parse.apply(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put(field, new InvalidValueException("requests.field." + field + ".required"));
            return null;
        }
    }

    private String text(String field, String raw, int min, int max) {
        String s = raw == null ? "" : raw.strip();
        int length = s.codePointCount(0, s.length());
        if (length < min) {
            errors.put(field, new InvalidValueException("requests.field." + field + ".required", min));
            return null;
        }
        if (length > max) {
            errors.put(field, new InvalidValueException("requests.field.tooLong", max));
            return null;
        }
        if (!PlainText.isClean(s)) {
            // the public form's fields reach here unchecked (JSON is checked at the door): say which one
            try {
                PlainText.parse(s);
            } catch (InvalidValueException e) {
                errors.put(field, e);
            }
            return null;
        }
        return s;
    }
}
