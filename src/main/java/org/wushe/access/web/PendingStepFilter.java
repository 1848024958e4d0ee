package org.wushe.access.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session with a step still to do — change a temporary password, enrol an authenticator, enter its code —
 * reaches only that step's page (and logout, assets); it carries no roles meanwhile, so nothing else would work
 * anyway — this makes the way forward obvious.
 */
public class PendingStepFilter extends OncePerRequestFilter {

    public static final String PASSWORD_CHANGE_PENDING = "GATE_PASSWORD_CHANGE";
    public static final String TOTP_ENROLMENT_PENDING = "GATE_TOTP_ENROLMENT";
    public static final String TOTP_PENDING = "GATE_TOTP";
    static final String PASSWORD_PAGE = "/account/password";
    static final String ENROLMENT_PAGE = "/account/two-factor";
    static final String CODE_PAGE = "/login/code";
    private static final Map<String, String> PAGES = Map.of(
            PASSWORD_CHANGE_PENDING, PASSWORD_PAGE, TOTP_ENROLMENT_PENDING, ENROLMENT_PAGE, TOTP_PENDING, CODE_PAGE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String page = authentication == null
                ? null
                : authentication.getAuthorities().stream()
                        .map(a -> PAGES.get(a.getAuthority()))
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (page != null && !path.equals(page) && !allowed(path)) {
            if (path.startsWith("/api/")) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            } else {
                response.sendRedirect(request.getContextPath() + page);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(String path) {
        return path.equals("/logout")
                || path.startsWith("/webjars/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.equals("/error");
    }
}
