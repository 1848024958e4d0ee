package org.wushe.access.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.wushe.access.ApiPermission;

/**
 * {@code /actuator/**}: health stays open (load balancers and probes; anonymous callers see only the status), the
 * rest — metrics for Prometheus, info — needs an API client's bearer token with {@link ApiPermission#METRICS_READ}.
 * A role rather than a separate management port, because "from loopback" is no identity (behind a reverse proxy on
 * the same host every request comes from 127.0.0.1) and because health must stay on the main port. Stateless: no
 * session is read or written here.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http, ApiTokens apiTokens) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(ApiPermission.METRICS_READ.authority()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // only reads are exposed, and without a session there is no cookie for another site to ride on
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new ApiTokenFilter(apiTokens), AnonymousAuthenticationFilter.class);
        SecurityConfiguration.headers(http);
        return http.build();
    }
}
