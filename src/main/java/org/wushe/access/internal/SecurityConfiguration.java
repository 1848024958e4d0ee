package org.wushe.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.wushe.access.web.LoginRateLimitFilter;
import org.wushe.access.web.PendingStepFilter;
import org.wushe.platform.RateLimits;

/**
 * Who may reach what over HTTP. Pages need a signed-in staff member (else the login page), {@code /api/**}
 * answers 401 instead of redirecting (and also accepts an API client's bearer token, {@link ApiTokenFilter}); the
 * few public paths are listed here and nowhere else. Finer rules sit
 * on the façade methods ({@code @PreAuthorize}) and in the data-scope predicate of every query. Sign-in is the
 * {@link SignIn} bean, registered once globally (adding it per chain too would count every failure twice).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens apiTokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers(HttpMethod.GET, "/api/v1/regions", "/api/v1/regions/**")
                                .permitAll()
                                .requestMatchers("/api/v1/volunteer-registrations/**")
                                .permitAll()
                                .requestMatchers("/api/v1/volunteer-activations", "/api/v1/volunteer-activations/**")
                                .permitAll()
                                .requestMatchers("/api/v1/public/**")
                                .permitAll()
                                .requestMatchers(HttpMethod.POST, "/api/v1/check-in/*")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                // CSRF exploits the browser's session cookie: a call that brings no session has nothing to forge,
                // and gets the 401 it deserves rather than a 403 for a missing token.
                // A bearer call (an API client) carries its credential in a header no other site can make a
                // browser send, so it needs no CSRF token either, even when a session cookie comes along.
                .csrf(csrf -> csrf.csrfTokenRepository(SessionlessAnonymous.csrfTokens())
                        .requireCsrfProtectionMatcher(request -> request.getRequestedSessionId() != null
                                && !ApiTokenFilter.hasBearer(request)
                                && !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .requestCache(cache -> cache.requestCache(new NullRequestCache())) // a 401 remembers nothing
                // the token, when there is one, decides who is calling (it wins over a session)
                .addFilterBefore(new ApiTokenFilter(apiTokens), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new PendingStepFilter(), AnonymousAuthenticationFilter.class);
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            RateLimits rateLimits,
            @Value("${wushe.security.login-attempts-per-minute:20}") int loginAttemptsPerMinute,
            @Value("${wushe.api-docs.public:false}") boolean apiDocsPublic)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/volunteer/register", "/volunteer/register/**")
                        .permitAll()
                        .requestMatchers("/volunteer/activate", "/volunteer/activate/**")
                        .permitAll()
                        .requestMatchers("/help", "/help/**")
                        .permitAll()
                        .requestMatchers("/check-in/*")
                        .permitAll()
                        // exists in the demo profile only (notify.DemoMessagesPage); 404 anywhere else
                        .requestMatchers(HttpMethod.GET, "/demo/messages")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .access(apiDocs(apiDocsPublic))
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll().failureHandler(SecurityConfiguration::failed))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(session ->
                        session.invalidSessionStrategy(SessionlessAnonymous.expiredSession("/login?expired")))
                .csrf(csrf -> csrf.csrfTokenRepository(SessionlessAnonymous.csrfTokens()))
                .requestCache(cache -> cache.requestCache(SessionlessAnonymous.savedPage()))
                .addFilterBefore(
                        new LoginRateLimitFilter(rateLimits, loginAttemptsPerMinute),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PendingStepFilter(), AnonymousAuthenticationFilter.class);
        headers(http);
        return http.build();
    }

    /**
     * One answer for an unknown username, a wrong password and a locked account alike ({@code ?error}), so the
     * answer does not tell whether a username exists or is locked; only the right password of a disabled account
     * hears {@code ?disabled} ({@link SignIn} throws nothing else).
     */
    private static void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = e instanceof DisabledException ? "disabled" : "error";
        response.sendRedirect(request.getContextPath() + "/login?" + reason);
    }

    static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }

    /**
     * The API documentation: public where {@code wushe.api-docs.public} says so (demo, development), otherwise for
     * signed-in staff only (production default).
     */
    static AuthorizationManager<RequestAuthorizationContext> apiDocs(boolean isPublic) {
        return isPublic
                ? (authentication, context) -> new AuthorizationDecision(true)
                : AuthenticatedAuthorizationManager.authenticated();
    }
}
