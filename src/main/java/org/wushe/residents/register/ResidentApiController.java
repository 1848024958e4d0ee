package org.wushe.residents.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.residents.register.Residents.RevealableField;
import org.wushe.shared.InvalidValueException;

@Tag(name = "Residents", description = "The register of vulnerable residents, within the caller's scope")
@RestController
@RequestMapping("/api/v1/residents")
class ResidentApiController {

    private final Residents residents;
    private final MessageSource messages;

    ResidentApiController(Residents residents, MessageSource messages) {
        this.residents = residents;
        this.messages = messages;
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalid(InvalidFieldsException e, Locale locale) {
        return FieldErrors.problem(e, messages, locale);
    }

    @Operation(
            summary = "Residents in the caller's scope (filters category, community subtree, risk, name, voided;"
                    + " page 1-based; size 10/20/50/100); ID numbers masked")
    @GetMapping
    ResidentPage list(ResidentQuery query) {
        return residents.list(query.toFilter(), query.pageNumber(), query.pageSize());
    }

    @GetMapping("/{id}")
    ResidentDetails get(@PathVariable long id) {
        return residents.get(id);
    }

    @Operation(
            summary = "Register a resident; every bad field is reported under errors; an ID number already "
                    + "registered is refused (with a link to the record when it is in the caller's scope)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResidentDetails create(@RequestBody ResidentDraft draft) {
        return residents.get(residents.create(draft));
    }

    @Operation(summary = "Replace a resident's description; a blank idNumber keeps the stored one")
    @PutMapping("/{id}")
    ResidentDetails update(@PathVariable long id, @RequestBody ResidentDraft draft) {
        residents.update(id, draft);
        return residents.get(id);
    }

    @Operation(
            summary = "A sensitive field in clear (field ID_NUMBER, PHONE, GUARDIAN_PHONE, "
                    + "EMERGENCY_CONTACT_PHONE); requires a reason and is audited (REVEAL)")
    @PostMapping("/{id}/reveal")
    Map<String, String> reveal(@PathVariable long id, @RequestBody Map<String, String> body) {
        String field = body == null ? null : body.get("field");
        RevealableField f;
        try {
            f = RevealableField.valueOf(field == null ? "" : field);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("error.parameter.invalid", "field");
        }
        return Map.of("value", residents.reveal(id, f, body.get("reason")));
    }

    @Operation(summary = "Void a record with a reason (it stays, marked void)")
    @PostMapping("/{id}/void")
    ResidentDetails voidRecord(@PathVariable long id, @RequestBody Map<String, String> body) {
        residents.voidRecord(id, body == null ? null : body.get("reason"));
        return residents.get(id);
    }

    @PostMapping("/{id}/unvoid")
    ResidentDetails unvoid(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        residents.unvoid(id, body == null ? null : body.get("reason"));
        return residents.get(id);
    }

    @Operation(
            summary = "Merge the record {duplicate} into this one; its categories, household, assessments, "
                    + "visits, check-ins and cases move here; it is voided and points here (audited)")
    @PostMapping("/{id}/merge")
    ResidentDetails merge(@PathVariable long id, @RequestBody Map<String, Object> body) {
        Object duplicate = body == null ? null : body.get("duplicate");
        if (!(duplicate instanceof Number n)) {
            throw new InvalidValueException("residents.resident.merge.duplicateRequired");
        }
        residents.merge(
                id,
                n.longValue(),
                body.get("reason") == null ? null : body.get("reason").toString());
        return residents.get(id);
    }

    @Operation(
            summary = "Start a household headed by this resident ({\"address\": …}) or link them into one "
                    + "({\"household\": id, \"relation\": …}); {\"household\": null, \"unlink\": true} unlinks")
    @PostMapping("/{id}/household")
    Household household(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
        Object household = body == null ? null : body.get("household");
        if (household != null && !(household instanceof Number n && isWhole(n))) {
            // only an id links; anything else ("abc", 1.5, {}) is a mistake, not a request for a new household
            throw InvalidFieldsException.of("household", "residents.household.invalid");
        }
        if (household instanceof Number n) {
            residents.linkHousehold(
                    id,
                    n.longValue(),
                    body.get("relation") == null ? null : body.get("relation").toString());
            return residents.household(n.longValue());
        }
        if (body != null && Boolean.TRUE.equals(body.get("unlink"))) {
            residents.linkHousehold(id, null, null);
            return null;
        }
        return residents.household(residents.createHousehold(
                id,
                body == null || body.get("address") == null
                        ? null
                        : body.get("address").toString()));
    }

    private static boolean isWhole(Number n) {
        return n instanceof Integer || n instanceof Long || (n instanceof BigInteger b && b.bitLength() < 64);
    }

    @GetMapping("/households/{id}")
    Household household(@PathVariable long id) {
        return residents.household(id);
    }
}
