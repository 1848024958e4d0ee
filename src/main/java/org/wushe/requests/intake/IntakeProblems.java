package org.wushe.requests.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rejected intake on the API: 400 problem whose {@code errors} member maps each bad field to its message. */
@RestControllerAdvice(assignableTypes = {PublicHelpApiController.class, IntakeApiController.class})
class IntakeProblems {

    private final MessageSource messages;

    IntakeProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(IntakeRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(IntakeRejectedException e, HttpServletRequest request, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage("requests.invalid", null, "requests.invalid", locale));
        problem.setTitle(messages.getMessage("error.400.title", null, "Bad Request", locale));
        problem.setProperty("code", "requests.invalid");
        problem.setProperty("errors", FieldErrors.of(e, messages, locale));
        Object id = request.getAttribute("wushe.requestId");
        problem.setProperty("requestId", id == null ? MDC.get("requestId") : id);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
