package org.wushe.access.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Anonymous visitors get no server session (every session is a row in PostgreSQL, and a flood of anonymous
 * requests must write nothing): their CSRF token, the page to return to after signing in and a stale session
 * cookie are all handled with cookies. A session is created when one is needed — at sign-in (a fresh id, so
 * there is nothing to fixate) or when a resident's phone has been verified.
 */
final class SessionlessAnonymous {

    static final String CSRF_COOKIE = "wushe-csrf";
    static final String SECURE_CSRF_COOKIE = "__Host-wushe-csrf";

    private SessionlessAnonymous() {}

    /**
     * While there is a session, the token lives in it (bound to that session, as before). Without one, the token
     * is a double-submit cookie ({@value #CSRF_COOKIE}, over HTTPS {@value #SECURE_CSRF_COOKIE}): HttpOnly (pages read it from the form or the {@code _csrf} meta tag) and
     * SameSite=Strict, so a cross-site form post arrives without it and is refused. That keeps the public forms and
     * the login form (login CSRF) protected without a session. Sign-in clears the token (Spring Security's
     * CsrfAuthenticationStrategy), so the signed-in session starts with a new one in the session; a cookie token is
     * never promoted into a session.
     */
    static CsrfTokenRepository csrfTokens() {
        return new SessionOrCookieCsrfTokens();
    }

    /** The page an anonymous visitor asked for, to return to after signing in: a cookie, not a session. */
    static RequestCache savedPage() {
        var cache = new CookieRequestCache();
        // only what a browser would navigate back to (as Spring Security's default session cache does)
        cache.setRequestMatcher(new AndRequestMatcher(
                request -> HttpMethod.GET.matches(request.getMethod()),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest")),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("HX-Request")),
                request -> !request.getRequestURI().endsWith("/favicon.ico")));
        cache.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
        return cache;
    }

    /**
     * A request bringing the cookie of a session that has ended goes to {@code url} without a new session being
     * created for it (Spring Security's default creates one, so a flood with made-up session cookies would write a
     * row each). Asking for the session once lets Spring Session see the id is unknown and expire the cookie, so the
     * browser does not come back with it.
     */
    static InvalidSessionStrategy expiredSession(String url) {
        return (request, response) -> {
            if (request.getRequestedSessionId() == null) {
                // no session cookie at all: a form posted without its CSRF cookie (Spring Security sends a missing
                // token here too). Refused; "your session expired" would be wrong, there was none.
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            request.getSession(false);
            response.sendRedirect(request.getContextPath() + url);
        };
    }

    private static final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

        private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
        private final CookieCsrfTokenRepository cookies = cookies(CSRF_COOKIE);
        // Over HTTPS the cookie carries the __Host- prefix: the browser then accepts it only from this host, with
        // Secure and Path=/, so a sibling subdomain cannot plant a token of its own (cookie tossing).
        private final CookieCsrfTokenRepository hostCookies = cookies(SECURE_CSRF_COOKIE);

        private static CookieCsrfTokenRepository cookies(String name) {
            var cookies = new CookieCsrfTokenRepository();
            cookies.setCookieName(name);
            cookies.setHeaderName("X-CSRF-TOKEN"); // the same header as the session's tokens (README, wushe.js)
            cookies.setParameterName("_csrf");
            cookies.setCookiePath("/");
            cookies.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
            return cookies;
        }

        private CookieCsrfTokenRepository cookiesOf(HttpServletRequest request) {
            return request.isSecure() ? hostCookies : cookies;
        }

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return sessions.generateToken(request);
        }

        @Override
        public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
            if (token == null) { // sign-in or sign-out: forget it wherever it was
                sessions.saveToken(null, request, response);
                if (hasCookie(request, cookiesOf(request) == hostCookies ? SECURE_CSRF_COOKIE : CSRF_COOKIE)) {
                    cookiesOf(request).saveToken(null, request, response);
                }
            } else if (request.getSession(false) != null) {
                sessions.saveToken(token, request, response);
            } else {
                cookiesOf(request).saveToken(token, request, response);
            }
        }

        @Override
        public CsrfToken loadToken(HttpServletRequest request) {
            return request.getSession(false) != null
                    ? sessions.loadToken(request)
                    : cookiesOf(request).loadToken(request);
        }

        private static boolean hasCookie(HttpServletRequest request, String name) {
            Cookie[] all = request.getCookies();
            if (all != null) {
                for (Cookie cookie : all) {
                    if (name.equals(cookie.getName())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
