package org.wushe.residents.checkins;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.residents.register.FieldErrors;
import org.wushe.residents.register.InvalidFieldsException;
import org.wushe.shared.InvalidValueException;

@Tag(name = "Resident care", description = "Assessments, visits, daily check-ins and case work of the register")
@RestController
@RequestMapping("/api/v1/residents")
class CheckInApiController {

    private final CheckIns checkIns;
    private final MessageSource messages;

    CheckInApiController(CheckIns checkIns, MessageSource messages) {
        this.checkIns = checkIns;
        this.messages = messages;
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalid(InvalidFieldsException e, Locale locale) {
        return FieldErrors.problem(e, messages, locale);
    }

    @GetMapping("/{id}/check-in")
    CheckInOverview checkIn(@PathVariable long id) {
        return checkIns.overview(id);
    }

    @Operation(
            summary = "Enrol a resident living alone in the daily check-in: {\"deadline\": \"10:00\", "
                    + "\"addressAs\": \"张阿姨\"} (the form of address the resident's page greets by); returns the personal "
                    + "link (shown once; an earlier link stops working)")
    @PostMapping("/{id}/check-in/enrolment")
    Map<String, String> enrol(@PathVariable long id, @RequestBody Map<String, String> body) {
        LocalTime deadline;
        try {
            deadline = body.get("deadline") == null ? null : LocalTime.parse(body.get("deadline"));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("residents.checkIn.deadline.required");
        }
        return Map.of("link", "/check-in/" + checkIns.enrol(id, deadline, body.get("addressAs")));
    }

    @PostMapping("/{id}/check-in/stop")
    CheckInOverview stop(@PathVariable long id) {
        checkIns.stop(id);
        return checkIns.overview(id);
    }

    @Operation(summary = "Staff record a check-in: {\"status\": \"WELL\"|\"NEEDS_HELP\"}")
    @PostMapping("/{id}/check-in")
    CheckInOverview record(@PathVariable long id, @RequestBody Map<String, String> body) {
        CheckInStatus status;
        try {
            status = CheckInStatus.valueOf(body.getOrDefault("status", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("residents.checkIn.status.required");
        }
        checkIns.recordByStaff(id, status);
        return checkIns.overview(id);
    }
}
