package org.wushe.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.wushe.platform.InvalidParameterException;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PlainText;

/**
 * Holds every request parameter to {@link PlainText} before a handler sees it: NUL and the other control characters
 * (which PostgreSQL refuses or which no keyboard types) are answered with a 400 naming the parameter, through
 * {@link ErrorHandling}, instead of a 500 from the database. JSON bodies get the same check from {@link ValueTypeJson}.
 *
 * <p>For pages only the URL's query is checked here: a form's own fields are checked by the form's validation, which
 * shows the problem under the field (names through {@link org.wushe.shared.Name}, other text through the module's
 * checks), and {@link ErrorHandling} still answers 400 for anything that slips through to the database.
 */
@Configuration(proxyBeanMethods = false)
class InputGuard implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getRequestURI().startsWith("/api/")) {
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                check(p.getKey(), p.getKey());
                for (String value : p.getValue()) {
                    check(p.getKey(), value);
                }
            }
        } else if (request.getQueryString() != null) {
            for (String pair : request.getQueryString().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                check(name, name);
                check(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return true;
    }

    private static void check(String field, String value) {
        try {
            PlainText.parse(value);
        } catch (InvalidValueException e) {
            throw new InvalidParameterException(PlainText.isClean(field) ? field : "?", e);
        }
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a broken %-escape: the container decoded it its own way; nothing here to hold to PlainText
            return "";
        }
    }
}
