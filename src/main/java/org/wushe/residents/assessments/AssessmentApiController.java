package org.wushe.residents.assessments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.residents.register.FieldErrors;
import org.wushe.residents.register.InvalidFieldsException;

@Tag(name = "Resident care", description = "Assessments, visits, daily check-ins and case work of the register")
@RestController
@RequestMapping("/api/v1/residents")
class AssessmentApiController {

    private final Assessments assessments;
    private final MessageSource messages;

    AssessmentApiController(Assessments assessments, MessageSource messages) {
        this.assessments = assessments;
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

    @Operation(
            summary = "Record an assessment: foodDays, medicineDays, mobility, chronicConditions, phq9 (9 answers "
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
}
