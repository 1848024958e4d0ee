package org.wushe.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a public write shed under load: 429, {@code Retry-After: 1}, and a short page (or problem JSON under
 * {@code /api/}) saying that nothing was submitted. It is written at once, not through the error dispatch the other
 * errors take: rendering the error page sent every shed request through the filter chain and the view again, so
 * under overload the 429s took as much CPU as the admitted writes and queued behind them (p50 0.4–0.6 s in the
 * benchmark at 800 req/s offered, 68 ms since). The texts are built once per language; only the request id is
 * added per answer.
 *
 * <p>The same answer, as 503 with {@code Retry-After: 5}, says "busy" when the database cannot be reached
 * ({@link DatabaseUnavailable}): that is when the error page could not be trusted to render at all.
 */
@Component
class ShedAnswer {

    static final String MESSAGE_KEY = "error.overloaded";
    static final String UNAVAILABLE_KEY = "error.databaseUnavailable";
    /** Seconds: a killed embedded server was back after 1–11 s on the shared 2-core machine (4 s in IntakeCrashTests). */
    static final int UNAVAILABLE_RETRY_AFTER = 5;

    private final LocaleResolver locales;
    private final Map<String, String[]> pages = new HashMap<>();
    private final Map<String, String[]> problems = new HashMap<>();
    private final Map<String, String[]> unavailablePages = new HashMap<>();
    private final Map<String, String[]> unavailableProblems = new HashMap<>();

    ShedAnswer(MessageSource messages, LocaleResolver locales) {
        this.locales = locales;
        for (Locale locale : LocaleConfiguration.SUPPORTED) {
            pages.put(locale.getLanguage(), page(messages, locale, 429, MESSAGE_KEY));
            problems.put(locale.getLanguage(), problem(messages, locale, 429, MESSAGE_KEY));
            unavailablePages.put(locale.getLanguage(), page(messages, locale, 503, UNAVAILABLE_KEY));
            unavailableProblems.put(locale.getLanguage(), problem(messages, locale, 503, UNAVAILABLE_KEY));
        }
    }

    /** 429: a public write shed by {@link PublicAdmission}. */
    void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, 429, 1, pages, problems);
    }

    /** 503: the database cannot be reached; nothing was done. */
    void writeUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, 503, UNAVAILABLE_RETRY_AFTER, unavailablePages, unavailableProblems);
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            int retryAfter,
            Map<String, String[]> htmlBodies,
            Map<String, String[]> problemBodies)
            throws IOException {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        Map<String, String[]> bodies = api ? problemBodies : htmlBodies;
        String[] parts = bodies.getOrDefault(language(request), bodies.get("zh"));
        byte[] body = (parts[0] + HtmlUtils.htmlEscape(RequestIdFilter.of(request)) + parts[1])
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Retry-After", Integer.toString(retryAfter));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : "text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The user's language; a malformed language cookie must not turn this short answer into a 500. */
    private String language(HttpServletRequest request) {
        try {
            return locales.resolveLocale(request).getLanguage();
        } catch (RuntimeException e) {
            return "zh";
        }
    }

    /** The page before and after the request id. */
    private static String[] page(MessageSource messages, Locale locale, int status, String key) {
        String title = HtmlUtils.htmlEscape(messages.getMessage(key + ".title", null, locale));
        String html =
                "<!DOCTYPE html><html lang=\"" + (locale.getLanguage().equals("en") ? "en" : "zh-CN") + "\"><head>"
                        + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>" + title + "</title>"
                        + "<link rel=\"stylesheet\" href=\"/webjars/bootstrap/css/bootstrap.min.css\">"
                        + "<link rel=\"stylesheet\" href=\"/css/wushe.css\"></head><body>"
                        + "<main class=\"container py-5 wushe-narrow\"><p class=\"display-6 text-body-secondary\">"
                        + status + "</p>"
                        + "<h1 class=\"h3\">" + title + "</h1>"
                        + "<p class=\"alert alert-warning\" role=\"alert\">"
                        + HtmlUtils.htmlEscape(messages.getMessage(key, null, locale)) + "</p>"
                        + "<p class=\"small text-body-secondary\">"
                        + HtmlUtils.htmlEscape(messages.getMessage("error.requestId", null, locale)) + ": <code>";
        return new String[] {html, "</code></p></main></body></html>"};
    }

    /** Problem JSON before and after the request id. */
    private static String[] problem(MessageSource messages, Locale locale, int status, String key) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "about:blank");
        fields.put("title", messages.getMessage(key + ".title", null, locale));
        fields.put("status", status);
        fields.put("detail", messages.getMessage(key, null, locale));
        fields.put("code", key);
        String json = JsonMapper.builder().build().writeValueAsString(fields);
        return new String[] {json.substring(0, json.length() - 1) + ",\"requestId\":\"", "\"}"};
    }
}
