package org.wushe.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.wushe.platform.InvalidParameterException;
import org.wushe.platform.RateLimitExceededException;
import org.wushe.platform.ResourceNotFoundException;
import org.wushe.shared.InvalidValueException;
import tools.jackson.core.JacksonException;

/**
 * Turns domain errors into answers a person can act on: a localised RFC 9457 problem for {@code /api/**},
 * the bilingual error page for everything else; both carry the request id and never a stack trace.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
    private final MessageSource messages;

    ErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidValueException.class)
    Object invalidValue(
            InvalidValueException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return answer(HttpStatus.BAD_REQUEST, e.messageKey(), e.arguments(), request, response, locale);
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    Object notFound(
            ResourceNotFoundException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return answer(HttpStatus.NOT_FOUND, e.messageKey(), e.arguments(), request, response, locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(
            MissingServletRequestParameterException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        return answer(
                HttpStatus.BAD_REQUEST,
                "error.parameter.missing",
                new Object[] {e.getParameterName()},
                request,
                response,
                locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(
            MethodArgumentTypeMismatchException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        if (e.getCause() != null && e.getCause().getCause() instanceof InvalidValueException invalid) {
            // a value type refused it (a malformed region code): its own key and message, and the field it was in
            String message =
                    messages.getMessage(invalid.messageKey(), invalid.arguments(), invalid.messageKey(), locale);
            return answer(
                    HttpStatus.BAD_REQUEST,
                    invalid.messageKey(),
                    invalid.arguments(),
                    Map.of(e.getName(), message),
                    request,
                    response,
                    locale);
        }
        return invalidParameter(InvalidParameterException.invalid(e.getName()), request, response, locale);
    }

    /** A parameter or body field that cannot be taken: 400 with the problem under {@code errors.<field>}. */
    @ExceptionHandler(InvalidParameterException.class)
    Object invalidParameter(
            InvalidParameterException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        InvalidValueException p = e.problem();
        String message = messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale);
        return answer(
                HttpStatus.BAD_REQUEST,
                "error.input.field",
                new Object[] {e.field(), message},
                Map.of(e.field(), message),
                request,
                response,
                locale);
    }

    /** Query parameters bound to a record ({@code ?page=abc}): every field that failed conversion, by name. */
    @ExceptionHandler(BindException.class)
    Object unbound(BindException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getFieldErrors()
                .forEach(f -> errors.putIfAbsent(
                        f.getField(),
                        messages.getMessage("error.parameter.invalid", new Object[] {f.getField()}, locale)));
        if (errors.isEmpty()) {
            return answer(HttpStatus.BAD_REQUEST, "error.body.unreadable", new Object[0], request, response, locale);
        }
        var first = errors.entrySet().iterator().next();
        return answer(
                HttpStatus.BAD_REQUEST,
                "error.input.field",
                new Object[] {first.getKey(), first.getValue()},
                errors,
                request,
                response,
                locale);
    }

    /**
     * The safety net under the validation: PostgreSQL refused a value as data (SQLSTATE class 22: NUL in text, a
     * number out of range, a negative OFFSET, a string too long for its column). The transaction rolled back, so
     * nothing was changed; the answer is a 400, and the log says where validation is missing.
     */
    @ExceptionHandler(DataAccessException.class)
    Object dataRefused(DataAccessException e, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws DataAccessException {
        String state = null;
        for (Throwable t = e; t != null && state == null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                state = sql.getSQLState();
            }
        }
        if (state == null || !state.startsWith("22")) {
            throw e;
        }
        log.warn(
                "{} {}: the database refused an input value (SQLSTATE {}); validation should have caught it",
                request.getMethod(),
                request.getRequestURI(),
                state);
        return answer(HttpStatus.BAD_REQUEST, "error.input.rejected", new Object[0], request, response, locale);
    }

    @ExceptionHandler(RateLimitExceededException.class)
    Object rateLimited(
            RateLimitExceededException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        long seconds = Math.max(1, e.retryAfter().toSeconds() + (e.retryAfter().toMillisPart() > 0 ? 1 : 0));
        response.setHeader("Retry-After", Long.toString(seconds));
        return answer(
                HttpStatus.TOO_MANY_REQUESTS, "error.rateLimited", new Object[] {seconds}, request, response, locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return answer(HttpStatus.UNAUTHORIZED, "error.401.message", new Object[0], request, response, locale);
        }
        return answer(HttpStatus.FORBIDDEN, "error.403.message", new Object[0], request, response, locale);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(
            NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return answer(
                HttpStatus.NOT_FOUND,
                "error.path.notFound",
                new Object[] {request.getRequestURI()},
                request,
                response,
                locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(
            HttpMessageNotReadableException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        // a field the JSON reader refused (a control character, a wrong type, an unknown enum value): name it
        JacksonException json = null;
        InvalidValueException invalid = null;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException j && json == null) {
                json = j;
            }
            if (t instanceof InvalidValueException v) {
                invalid = v;
            }
        }
        String field = json == null ? "" : path(json);
        if (!field.isEmpty()) {
            return invalidParameter(
                    invalid == null
                            ? InvalidParameterException.invalid(field)
                            : new InvalidParameterException(field, invalid),
                    request,
                    response,
                    locale);
        }
        if (invalid != null) {
            return invalidValue(invalid, request, response, locale);
        }
        return answer(HttpStatus.BAD_REQUEST, "error.body.unreadable", new Object[0], request, response, locale);
    }

    /** {@code name}, {@code categories[0].illness}: where in the body the reader stopped. */
    private static String path(JacksonException e) {
        StringBuilder s = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private Object answer(
            HttpStatus status,
            String key,
            Object[] args,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        return answer(status, key, args, null, request, response, locale);
    }

    private Object answer(
            HttpStatus status,
            String key,
            Object[] args,
            Map<String, String> errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        String message = messages.getMessage(key, args, key, locale);
        String requestId = RequestIdFilter.of(request);
        log.debug("{} {} → {} {}", request.getMethod(), request.getRequestURI(), status.value(), key);
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            problem.setTitle(
                    messages.getMessage("error." + status.value() + ".title", null, status.getReasonPhrase(), locale));
            problem.setProperty("code", key);
            problem.setProperty("requestId", requestId);
            if (errors != null) {
                problem.setProperty("errors", errors);
            }
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.setStatus(status.value());
        var page = new ModelAndView("error/" + status.value());
        page.setStatus(status);
        page.addObject("message", message);
        page.addObject("requestId", requestId);
        page.addObject("status", status.value());
        page.addObject("back", BackLink.of(request));
        return page;
    }
}
