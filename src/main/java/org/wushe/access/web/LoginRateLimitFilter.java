package org.wushe.access.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wushe.platform.RateLimitExceededException;
import org.wushe.platform.RateLimits;

/** Password guessing from one address is slowed down before it reaches the (deliberately slow) password check. */
public class LoginRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final int attemptsPerMinute;

    public LoginRateLimitFilter(RateLimits limits, int attemptsPerMinute) {
        this.limits = limits;
        this.attemptsPerMinute = attemptsPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            try {
                limits.hit("login", request.getRemoteAddr(), attemptsPerMinute, Duration.ofMinutes(1));
            } catch (RateLimitExceededException e) {
                response.setHeader(
                        "Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
                response.sendError(429);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
