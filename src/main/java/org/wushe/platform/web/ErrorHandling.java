package org.wushe.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.wushe.platform.RateLimitExceededException;
import org.wushe.platform.ResourceNotFoundException;
import org.wushe.shared.InvalidValueException;

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
    Object invalidValue(InvalidValueException e, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        return answer(HttpStatus.BAD_REQUEST, e.messageKey(), e.arguments(), request, response, locale);
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    Object notFound(ResourceNotFoundException e, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        return answer(HttpStatus.NOT_FOUND, e.messageKey(), e.arguments(), request, response, locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        return answer(HttpStatus.BAD_REQUEST, "error.parameter.missing", new Object[] {e.getParameterName()},
                request, response, locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        if (e.getCause() != null && e.getCause().getCause() instanceof InvalidValueException invalid) {
            return invalidValue(invalid, request, response, locale);
        }
        return answer(HttpStatus.BAD_REQUEST, "error.parameter.invalid", new Object[] {e.getName()},
                request, response, locale);
    }

    @ExceptionHandler(RateLimitExceededException.class)
    Object rateLimited(RateLimitExceededException e, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        long seconds = Math.max(1, e.retryAfter().toSeconds() + (e.retryAfter().toMillisPart() > 0 ? 1 : 0));
        response.setHeader("Retry-After", Long.toString(seconds));
        return answer(HttpStatus.TOO_MANY_REQUESTS, "error.rateLimited", new Object[] {seconds}, request, response,
                locale);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    Object denied(org.springframework.security.access.AccessDeniedException e, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (authentication == null || authentication instanceof
                org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return answer(HttpStatus.UNAUTHORIZED, "error.401.message", new Object[0], request, response, locale);
        }
        return answer(HttpStatus.FORBIDDEN, "error.403.message", new Object[0], request, response, locale);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        return answer(HttpStatus.NOT_FOUND, "error.path.notFound", new Object[] {request.getRequestURI()}, request,
                response, locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        return answer(HttpStatus.BAD_REQUEST, "error.body.unreadable", new Object[0], request, response, locale);
    }

    private Object answer(HttpStatus status, String key, Object[] args, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        String message = messages.getMessage(key, args, key, locale);
        String requestId = RequestIdFilter.of(request);
        log.debug("{} {} → {} {}", request.getMethod(), request.getRequestURI(), status.value(), key);
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            problem.setTitle(messages.getMessage("error." + status.value() + ".title", null, status.getReasonPhrase(), locale));
            problem.setProperty("code", key);
            problem.setProperty("requestId", requestId);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(status.value());
        var page = new ModelAndView("error/" + status.value());
        page.setStatus(status);
        page.addObject("message", message);
        page.addObject("requestId", requestId);
        page.addObject("status", status.value());
        return page;
    }
}
