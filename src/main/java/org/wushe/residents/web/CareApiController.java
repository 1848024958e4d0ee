package org.wushe.residents.web;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.residents.AssessmentDetails;
import org.wushe.residents.AssessmentDraft;
import org.wushe.residents.Assessments;
import org.wushe.residents.CaseDetails;
import org.wushe.residents.CaseNote;
import org.wushe.residents.CaseStage;
import org.wushe.residents.Cases;
import org.wushe.residents.CheckInOverview;
import org.wushe.residents.CheckInStatus;
import org.wushe.residents.CheckIns;
import org.wushe.residents.InvalidFieldsException;
import org.wushe.residents.OverduePage;
import org.wushe.residents.VisitDetails;
import org.wushe.residents.Visits;
import org.wushe.shared.InvalidValueException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Resident care", description = "Assessments, visits, daily check-ins and case work of the register")
@RestController
@RequestMapping("/api/v1/residents")
class CareApiController {

    private final Assessments assessments;
    private final Visits visits;
    private final CheckIns checkIns;
    private final Cases cases;
    private final MessageSource messages;

    CareApiController(Assessments assessments, Visits visits, CheckIns checkIns, Cases cases,
            MessageSource messages) {
        this.assessments = assessments;
        this.visits = visits;
        this.checkIns = checkIns;
        this.cases = cases;
        this.messages = messages;
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalid(InvalidFieldsException e, Locale locale) {
        return FieldErrors.problem(e, messages, locale);
    }

    @Operation(summary = "A resident's assessments, newest first (answers and notes left out)")
    @GetMapping("/{id}/assessments")
    List<AssessmentDetails> assessments(@PathVariable long id) {
        return assessments.history(id);
    }

    @Operation(summary = "Record an assessment: foodDays, medicineDays, mobility, chronicConditions, phq9 (9 answers "
            + "0-3), gad7 (7 answers 0-3), cognition, psychoticSymptoms, notes; every bad field is reported; a "
            + "positive PHQ-9 item 9 alerts the social worker, community and station at once")
    @PostMapping("/{id}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    AssessmentDetails assess(@PathVariable long id, @RequestBody AssessmentDraft draft) {
        return assessments.record(id, draft);
    }

    @Operation(summary = "One assessment with item answers and notes (the view is audited)")
    @GetMapping("/{id}/assessments/{assessment}")
    AssessmentDetails assessment(@PathVariable long id, @PathVariable long assessment) {
        return assessments.get(id, assessment);
    }

    @Operation(summary = "A resident's visits with notes (the view is audited)")
    @GetMapping("/{id}/visits")
    List<VisitDetails> visits(@PathVariable long id) {
        return visits.history(id);
    }

    @Operation(summary = "Record a visit: {\"kind\": \"PHONE\"|\"VIDEO\"|\"HOME\", \"visitedAt\": ISO instant or "
            + "null for now, \"notes\": …}")
    @PostMapping("/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> visit(@PathVariable long id, @RequestBody Map<String, String> body) {
        Instant at;
        try {
            at = body.get("visitedAt") == null ? null : Instant.parse(body.get("visitedAt"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("error.parameter.invalid", "visitedAt");
        }
        return Map.of("id", visits.record(id, body.get("kind"), at, body.get("notes")));
    }

    @Operation(summary = "Residents whose visit plan is behind (scoped; page 1-based; size 10/20/50/100)")
    @GetMapping("/visits/overdue")
    OverduePage overdue(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return visits.overdue(page, size);
    }

    @GetMapping("/{id}/check-in")
    CheckInOverview checkIn(@PathVariable long id) {
        return checkIns.overview(id);
    }

    @Operation(summary = "Enrol a resident living alone in the daily check-in: {\"deadline\": \"10:00\"}; returns "
            + "the personal link (shown once; an earlier link stops working)")
    @PostMapping("/{id}/check-in/enrolment")
    Map<String, String> enrol(@PathVariable long id, @RequestBody Map<String, String> body) {
        LocalTime deadline;
        try {
            deadline = body.get("deadline") == null ? null : LocalTime.parse(body.get("deadline"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("residents.checkIn.deadline.required");
        }
        return Map.of("link", "/check-in/" + checkIns.enrol(id, deadline));
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

    @Operation(summary = "Cases in scope (optionally of one stage)")
    @GetMapping("/cases")
    List<CaseDetails> cases(@RequestParam(required = false) CaseStage stage) {
        return cases.list(null, stage);
    }

    @GetMapping("/{id}/cases")
    List<CaseDetails> casesOf(@PathVariable long id) {
        return cases.list(id, null);
    }

    @Operation(summary = "Open a case (接案): {\"title\": …, \"worker\": account id, \"supervisor\": account id}")
    @PostMapping("/{id}/cases")
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetails open(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return cases.get(cases.open(id, body.get("title") == null ? null : body.get("title").toString(),
                number(body.get("worker")), number(body.get("supervisor"))));
    }

    @GetMapping("/cases/{caseId}")
    CaseDetails caseDetails(@PathVariable long caseId) {
        return cases.get(caseId);
    }

    @Operation(summary = "Move a case to the next stage: {\"stage\": \"ASSESSMENT\"|…|\"CLOSED\"}; out of order is "
            + "refused with a message naming the expected stage")
    @PostMapping("/cases/{caseId}/stage")
    CaseDetails advance(@PathVariable long caseId, @RequestBody Map<String, String> body) {
        CaseStage target;
        try {
            target = CaseStage.valueOf(body.getOrDefault("stage", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("residents.case.stage.required");
        }
        return cases.advance(caseId, target);
    }

    @Operation(summary = "The case notes: the assigned worker, the supervisor or an admin in scope only (403 "
            + "otherwise); each reading is audited")
    @GetMapping("/cases/{caseId}/notes")
    List<CaseNote> notes(@PathVariable long caseId) {
        return cases.notes(caseId);
    }

    @PostMapping("/cases/{caseId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    void note(@PathVariable long caseId, @RequestBody Map<String, String> body) {
        cases.addNote(caseId, body.get("body"));
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }
}
