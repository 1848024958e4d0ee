package org.wushe.access.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session that still has to change its temporary password reaches only that page (and logout, assets);
 * it carries no roles meanwhile, so nothing else would work anyway — this makes the way forward obvious.
 */
public class PendingStepFilter extends OncePerRequestFilter {

    public static final String PASSWORD_CHANGE_PENDING = "GATE_PASSWORD_CHANGE";
    static final String PASSWORD_PAGE = "/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean pending = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> PASSWORD_CHANGE_PENDING.equals(a.getAuthority()));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (pending && !allowed(path)) {
            if (path.startsWith("/api/")) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            } else {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(String path) {
        return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.startsWith("/webjars/")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/error");
    }
}
